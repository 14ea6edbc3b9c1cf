/**
 * Words for how a strategy serves a slice (`describeSliceServices`): the model, where a cascade escalates, how a
 * router splits. The same in the POC estimate and on the command line.
 */
import type { SliceService } from '../domain/poc-estimate';
import { formatPercent } from './format';

/**
 * "Claude Haiku 4.5"; a cascade "Mistral Small 3.1; 15% escalate to Claude Sonnet 4.5" (then "; 3% on to …" for
 * a third step); a router "Nova Lite 80% · Claude Sonnet 4.5 20% (classifier: Nova Micro)".
 */
export function describeSliceService(service: Pick<SliceService, 'kind' | 'steps' | 'classifier'>): string {
  const [first, ...rest] = service.steps;
  if (!first) return '—';
  const classifier = service.classifier ? ` (classifier: ${service.classifier.name})` : '';
  switch (service.kind) {
    case 'one':
      return `${first.model.name}${classifier}`;
    case 'cascade':
      return [
        first.model.name,
        ...rest.map(
          (step, index) =>
            `${formatPercent(step.share)} ${index === 0 ? 'escalate to' : 'on to'} ${step.model.name}`,
        ),
      ].join('; ');
    case 'router':
      return (
        service.steps.map((step) => `${step.model.name} ${formatPercent(step.share)}`).join(' · ') +
        classifier
      );
  }
}
