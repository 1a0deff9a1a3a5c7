import type { Quantity } from '@carbonbase/quantity';
import type { Pollutant } from '../measures/schema.js';

/** A reporting period: a year, or one month of it. */
export interface Period {
  readonly year: number;
  /** 1–12; absent for an annual record. */
  readonly month?: number;
}

/**
 * Electricity an enterprise bought, with the indirect emissions it reports for it. `supplier`
 * names another enterprise when the electricity comes from a plant that is itself a record (a
 * power plant in the same park); absent for the grid.
 */
export interface ElectricityPurchase {
  readonly supplier?: string;
  readonly electricity: Quantity;
  /** Indirect emissions the buyer reports for this purchase (electricity × the factor it uses). */
  readonly emissions: Quantity;
}

/**
 * One enterprise in one period, as reported. Every amount is optional so that missing data can
 * be told apart from zero; analyses say which records they had to leave out and why.
 */
export interface EnterpriseRecord {
  readonly enterprise: string;
  readonly name?: string;
  readonly park?: string;
  readonly region?: string;
  readonly sector?: string;
  readonly period: Period;
  /** Output of the main product (e.g. t of clinker). */
  readonly production?: Quantity;
  /** Comprehensive energy consumption (e.g. tce). */
  readonly energy?: Quantity;
  /** Direct (scope 1) emissions. */
  readonly direct?: Quantity;
  /** Purchased electricity with its indirect emissions; an empty list means none bought. */
  readonly purchases?: readonly ElectricityPurchase[];
  /** Emissions of air pollutants in the period (SO2, NOx, particulates). */
  readonly pollutants?: Partial<Readonly<Record<Pollutant, Quantity>>>;
}

export function periodLabel(p: Period): string {
  return p.month === undefined ? `${p.year}` : `${p.year}-${String(p.month).padStart(2, '0')}`;
}

export function samePeriod(a: Period, b: Period): boolean {
  return a.year === b.year && a.month === b.month;
}
