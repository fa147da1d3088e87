import { z } from 'zod';

export const ProviderType = z.enum(['university', 'college', 'professional_body', 'company', 'partnership']);
export type ProviderType = z.infer<typeof ProviderType>;

/** Lowercase slug used in course ids and URLs, e.g. `northbridge-university`. */
export const ProviderId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'use lowercase letters, digits and hyphens (2–63 characters)');

export const Provider = z.object({
  id: ProviderId,
  name: z.string().min(1),
  type: ProviderType,
  /** ISO 3166-1 alpha-2 */
  country: z.string().regex(/^[A-Z]{2}$/, 'use an ISO 3166-1 alpha-2 code such as "GB"'),
  url: z.url(),
});
export type Provider = z.infer<typeof Provider>;
