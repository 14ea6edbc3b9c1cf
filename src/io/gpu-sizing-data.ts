/**
 * The self-hosting sizer's shipped tables (data/gpu-instances.json, data/model-architectures.json), validated
 * before they reach the app or the command line.
 */
import { z } from 'zod';
import { architectureSchema, gpuInstanceSchema } from '../domain/gpu-sizing';
import type { GpuInstance, ModelArchitecture } from '../domain/gpu-sizing';
import { formatIssue, fromZodIssues } from '../domain/validate-scenario';

function parseTable<T>(schema: z.ZodType<T>, document: unknown, file: string): T {
  const parsed = schema.safeParse(document);
  if (!parsed.success) {
    const issues = fromZodIssues(parsed.error.issues).map(formatIssue);
    throw new Error(`${file} is invalid: ${issues.join('; ')}`);
  }
  return parsed.data;
}

/** The AWS GPU instance table; throws, naming the field, when the shipped file is invalid (a build defect). */
export function parseGpuInstanceTable(document: unknown): GpuInstance[] {
  return parseTable(z.array(gpuInstanceSchema).min(1), document, 'data/gpu-instances.json');
}

/** The prefilled model architectures; throws, naming the field, when the shipped file is invalid. */
export function parseModelArchitectures(document: unknown): ModelArchitecture[] {
  return parseTable(z.array(architectureSchema).min(1), document, 'data/model-architectures.json');
}
