import { z } from 'zod';

const Field = z.object({
  code: z.string().describe('the ISCED-F 2013 code'),
  name: z.string(),
  count: z.number().int().describe('active courses in this field or one below it'),
});

export const DetailedField = Field.meta({ id: 'DetailedField' });
export const NarrowField = Field.extend({ detailed: z.array(DetailedField) }).meta({ id: 'NarrowField' });
export const BroadField = Field.extend({ narrow: z.array(NarrowField) }).meta({ id: 'BroadField' });
export type BroadField = z.infer<typeof BroadField>;

/** GET /v1/fields: the ISCED-F 2013 tree, broad → narrow → detailed, in code order, with course counts. */
export const FieldTree = z
  .object({
    total: z.number().int().describe('active courses'),
    totalIsLowerBound: z.boolean().describe('the total reached the most the index counts exactly'),
    unclassified: z.number().int().describe('active courses with no field of education'),
    complete: z
      .boolean()
      .describe('false in the rare case that some codes used by few courses could not all be counted'),
    fields: z.array(BroadField),
  })
  .meta({ id: 'FieldTree' });
export type FieldTree = z.infer<typeof FieldTree>;
