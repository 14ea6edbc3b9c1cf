import type { CreditAsk } from '../../domain/credit-ask';
import { USD_DISPLAY, formatMoney, formatMonths } from '../../format/format';
import type { MoneyDisplay } from '../../format/format';
import { Money, useMoneyDisplay } from '../../ui/money';
import type { ReportCreditProgram } from './report-figures';
import { describeMonthRange } from './report-sections';

const PLATFORM_NAMES = new Map([
  ['bedrock', 'Bedrock (AWS)'],
  ['aws', 'other AWS services'],
  ['*', 'every platform'],
]);

/** "Bedrock (AWS)" for the platforms a programme pays for. */
export function describePlatforms(platforms: readonly string[]): string {
  return platforms.map((platform) => PLATFORM_NAMES.get(platform) ?? platform).join(', ');
}

/** "$10,000–$50,000" or "up to $100,000": in USD, as the programmes publish them and award credits. */
export function describeRange(program: Pick<ReportCreditProgram, 'minAmount' | 'maxAmount'>): string {
  return program.minAmount === null || program.minAmount === 0
    ? `up to ${formatMoney(program.maxAmount, USD_DISPLAY)}`
    : `${formatMoney(program.minAmount, USD_DISPLAY)}–${formatMoney(program.maxAmount, USD_DISPLAY)}`;
}

/** How far the amount reaches: "It covers 8 months of eligible spend (Jan 2027 – Aug 2027): the POC period and 5 months more." */
function describeCoverage(
  ask: CreditAsk,
  program: ReportCreditProgram,
  startMonth: string | undefined,
  horizonMonths: number,
): string {
  const covers =
    ask.monthsCovered === 0
      ? 'It covers less than the first month of eligible spend'
      : `It covers ${formatMonths(ask.monthsCovered)} of eligible spend (${describeMonthRange(ask.monthsCovered, startMonth)})`;
  if (!ask.coversPocPeriod)
    return `${covers}: less than the POC period, as ${program.name} tops out at ${formatMoney(program.maxAmount, USD_DISPLAY)}.`;
  if (ask.monthsCovered <= ask.pocMonths) return `${covers}: the whole POC period.`;
  if (ask.monthsCovered >= horizonMonths) return `${covers}: the POC period and the rest of the horizon.`;
  return `${covers}: the POC period and ${formatMonths(ask.monthsCovered - ask.pocMonths)} more.`;
}

/** Why there is nothing to request: no spend, credits already held pay it all, or none of it is on a covered platform. */
function describeNoRequest(ask: CreditAsk, creditPlatforms: string, display: MoneyDisplay): string {
  if (ask.pocSpend <= 0) return 'No spend in the POC period: there is nothing to request.';
  const cash =
    ask.ineligibleSpend > 0
      ? ` The remaining ${formatMoney(ask.ineligibleSpend, display)} is on platforms no programme covers and is paid in cash.`
      : '';
  if (ask.heldCreditsUsed > 0)
    return `Nothing to request: the credits already held pay all ${formatMoney(ask.heldCreditsUsed, display)} of the POC period’s spend they cover.${cash}`;
  return `No credit programme applies: none of the POC-period spend is on ${creditPlatforms}, so all of it is paid in cash.`;
}

/**
 * The credit ask for the recommended strategy: the POC period's spend split into the part the credits already
 * held pay, the part new credits can pay and the part paid in cash, the programme that fits, the amount to request and how long it lasts.
 */
export function CreditAskSection({
  ask,
  programs,
  startMonth,
  horizonMonths,
}: {
  ask: CreditAsk;
  programs: readonly ReportCreditProgram[];
  startMonth: string | undefined;
  horizonMonths: number;
}) {
  const display = useMoneyDisplay();
  const program = programs.find((p) => p.id === ask.program?.id) ?? null;
  const creditPlatforms = program
    ? describePlatforms(program.appliesTo)
    : describePlatforms([...new Set(programs.flatMap((p) => p.appliesTo))]);
  return (
    <div className="report-ask" data-testid="report-credit-ask">
      <dl className="report-figures">
        <div className="report-figures__item">
          <dt>POC period</dt>
          <dd data-testid="report-ask-period">
            {formatMonths(ask.pocMonths)}
            <span className="report-figures__sub">{describeMonthRange(ask.pocMonths, startMonth)}</span>
          </dd>
        </div>
        <div className="report-figures__item">
          <dt>POC-period spend</dt>
          <dd>
            <Money usd={ask.pocSpend} testId="report-ask-poc-spend" />
          </dd>
        </div>
        <div className="report-figures__item">
          <dt>Paid by credits held</dt>
          <dd>
            <Money usd={ask.heldCreditsUsed} testId="report-ask-held" />
            <span className="report-figures__sub">the scenario’s own pools</span>
          </dd>
        </div>
        <div className="report-figures__item">
          <dt>Left for new credits</dt>
          <dd>
            <Money usd={ask.eligibleSpend} testId="report-ask-eligible" />
            <span className="report-figures__sub">on {creditPlatforms}</span>
          </dd>
        </div>
        <div className="report-figures__item">
          <dt>Paid in cash</dt>
          <dd>
            <Money usd={ask.ineligibleSpend} testId="report-ask-cash" />
            <span className="report-figures__sub">spend no programme covers</span>
          </dd>
        </div>
      </dl>

      {program ? (
        <div className="report-ask__request">
          <p className="report-ask__headline" data-testid="report-ask-request">
            Request <strong>{formatMoney(ask.amount, display)}</strong>
            {/* Credits are awarded in USD: the request also says the dollar amount. */}
            {display.currency === 'USD' ? '' : ` (${formatMoney(ask.amount, USD_DISPLAY)})`} from{' '}
            <strong>{program.name}</strong> ({describeRange(program)})
            {ask.heldCreditsUsed > 0 && (
              <span className="report-ask__net" data-testid="report-ask-net">
                , net of the {formatMoney(ask.heldCreditsUsed, display)} the credits already held pay in the
                POC period
              </span>
            )}
          </p>
          <p data-testid="report-ask-coverage">
            {describeCoverage(ask, program, startMonth, horizonMonths)} How it is obtained:{' '}
            {program.howObtained}.
          </p>
        </div>
      ) : (
        <p className="report-ask__request" data-testid="report-ask-request">
          {describeNoRequest(ask, creditPlatforms, display)}
        </p>
      )}

      <p className="report-ask__note">
        Credits cover {creditPlatforms} spend only; spend on the providers’ own APIs is paid in cash whatever
        is awarded.
      </p>
    </div>
  );
}
