import { REFERENCE_CURRENCY, toReferenceCurrency, type SearchParams } from '@shortlist/schemas';
import { apiError } from '../errors.ts';

/** A string value as a Meilisearch filter literal: always quoted, quotes and backslashes escaped. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Builds the Meilisearch filter from validated parameters; only allow-listed attributes appear. */
export function buildFilter(params: SearchParams): string[] {
  const filter: string[] = [];
  if (params.field) filter.push(`fields = ${quote(params.field)}`);
  if (params.mode) filter.push(`mode = ${quote(params.mode)}`);
  if (params.provider) filter.push(`providerId = ${quote(params.provider)}`);
  if (params.pacing) filter.push(`pacing = ${quote(params.pacing)}`);
  if (params.level) filter.push(`levelLabel = ${quote(params.level)}`);
  if (params.eqf !== undefined) filter.push(`levelEqf = ${params.eqf}`);
  if (params.credential) filter.push(`credentialType = ${quote(params.credential)}`);
  if (params.language) filter.push(`languages = ${quote(params.language)}`);
  if (params.country) filter.push(`country = ${quote(params.country)}`);
  if (params.providerType) filter.push(`providerType = ${quote(params.providerType)}`);
  if (params.freeClass) filter.push(`freeClass = ${quote(params.freeClass)}`);
  if (params.maxWeeks !== undefined) filter.push(`maxWeeks <= ${params.maxWeeks}`);
  if (params.maxHoursPerWeek !== undefined) filter.push(`hoursPerWeekMax <= ${params.maxHoursPerWeek}`);
  if (params.maxTotalHours !== undefined) filter.push(`totalHoursMax <= ${params.maxTotalHours}`);
  if (params.minCredits !== undefined) filter.push(`creditValue >= ${params.minCredits}`);
  if (params.minCompleteness !== undefined) filter.push(`completeness >= ${params.minCompleteness}`);
  if (params.free) filter.push('free = true');
  if (params.maxCost !== undefined) {
    const currency = params.currency ?? REFERENCE_CURRENCY;
    const reference = toReferenceCurrency(params.maxCost, currency);
    if (!reference)
      throw apiError(
        400,
        `currency "${currency}" is not in the exchange-rate table; use a code such as EUR, USD or GBP`,
        'currency',
      );
    filter.push(`costReference <= ${reference.amount}`);
  }
  return filter;
}
