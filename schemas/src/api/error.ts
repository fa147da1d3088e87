import { z } from 'zod';

/** The one error shape every endpoint answers with: what was wrong and, for bad input, which parameter. */
export const ApiError = z
  .object({
    error: z.object({
      status: z.number().int().min(400).max(599),
      message: z.string().min(1).describe('what was wrong and how to fix it'),
      parameter: z.string().optional().describe('the query or path parameter at fault'),
    }),
  })
  .meta({ id: 'Error' });
export type ApiError = z.infer<typeof ApiError>;
