/**
 * View helpers of the self-hosting screen: names and words for the figures the domain computes.
 */
import type { CommitmentTerm, GpuInstance, ModelArchitecture } from '../../domain/gpu-sizing';
import type { Model } from '../../domain/scenario-schema';
import { formatNumber, formatPrice } from '../../format/format';

export const TERM_OPTIONS: readonly { value: CommitmentTerm; label: string }[] = [
  { value: 'on-demand', label: 'On demand' },
  { value: 'reserved-1y', label: '1-year reserved' },
  { value: 'reserved-3y', label: '3-year reserved' },
];

/** "g5.xlarge — 1× NVIDIA A10G 24 GB, $1.006/h". */
export function describeInstance(instance: GpuInstance): string {
  return `${instance.instance} — ${instance.gpuCount}× ${instance.gpu} ${formatNumber(instance.memoryPerGpuGB)} GB, ${formatPrice(instance.onDemandHourly)}/h`;
}

/**
 * The quality of a catalog entry running this architecture (the scenario's own catalog first), so the new entry
 * competes on the same score; null when the scenario has none.
 */
export function findQualityOf(
  architecture: ModelArchitecture | null,
  catalog: readonly Model[],
): Pick<Model, 'name' | 'quality' | 'qualitySource'> | null {
  if (!architecture) return null;
  return catalog.find((model) => architecture.catalogIds.includes(model.id)) ?? null;
}
