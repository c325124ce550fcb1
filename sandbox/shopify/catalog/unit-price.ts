import { moneyV2, roundMoney } from "./money";
import type { UnitPriceMeasurementRecord, VariantRecord } from "./types";

// ProductVariant.unitPriceMeasurement / unitPrice. The unit price is the price per reference
// quantity: price / quantity * reference, converted when the two units differ (both of one kind).

const UNITS: Record<string, { kind: "VOLUME" | "WEIGHT" | "LENGTH" | "AREA" | "COUNT"; factor: number }> = {
  ML: { kind: "VOLUME", factor: 0.001 }, CL: { kind: "VOLUME", factor: 0.01 }, L: { kind: "VOLUME", factor: 1 }, M3: { kind: "VOLUME", factor: 1000 },
  FLOZ: { kind: "VOLUME", factor: 0.0295735 }, PT: { kind: "VOLUME", factor: 0.473176 }, QT: { kind: "VOLUME", factor: 0.946353 }, GAL: { kind: "VOLUME", factor: 3.78541 },
  MG: { kind: "WEIGHT", factor: 0.000001 }, G: { kind: "WEIGHT", factor: 0.001 }, KG: { kind: "WEIGHT", factor: 1 }, OZ: { kind: "WEIGHT", factor: 0.0283495 }, LB: { kind: "WEIGHT", factor: 0.453592 },
  MM: { kind: "LENGTH", factor: 0.001 }, CM: { kind: "LENGTH", factor: 0.01 }, M: { kind: "LENGTH", factor: 1 }, IN: { kind: "LENGTH", factor: 0.0254 }, FT: { kind: "LENGTH", factor: 0.3048 }, YD: { kind: "LENGTH", factor: 0.9144 },
  M2: { kind: "AREA", factor: 1 }, FT2: { kind: "AREA", factor: 0.092903 },
  ITEM: { kind: "COUNT", factor: 1 },
};

export function unitPriceMeasurementNode(m: UnitPriceMeasurementRecord | null | undefined) {
  return {
    __typename: "UnitPriceMeasurement",
    measuredType: m?.quantityUnit ? (UNITS[m.quantityUnit]?.kind ?? null) : null,
    quantityValue: m?.quantityValue ?? 0,
    quantityUnit: m?.quantityUnit ?? null,
    referenceValue: m?.referenceValue ?? 0,
    referenceUnit: m?.referenceUnit ?? null,
  };
}

export function unitPrice(v: VariantRecord, currency: string) {
  const m = v.unitPriceMeasurement;
  const q = m?.quantityUnit ? UNITS[m.quantityUnit] : undefined;
  const r = m?.referenceUnit ? UNITS[m.referenceUnit] : undefined;
  if (!m || !q || !r || q.kind !== r.kind || !(m.quantityValue > 0) || !(m.referenceValue > 0)) return null;
  const perReference = (Number(v.price) / (m.quantityValue * q.factor)) * (m.referenceValue * r.factor);
  return moneyV2(roundMoney(perReference, currency), currency);
}
