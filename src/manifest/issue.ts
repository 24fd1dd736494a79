import { z } from "zod";

/** One problem found in a manifest. */
export const ManifestIssueSchema = z.object({
  /** "schema": the XSD rejects it; "reference": the XSD accepts it, but a URL, icon or resource id is wrong. */
  kind: z.enum(["schema", "reference"]),
  /** 1-based line in the manifest, when known. */
  line: z.number().int().positive().nullable(),
  /** What is wrong, in Chinese. */
  message: z.string(),
  /** xmllint's own output line for schema issues; null for the others. */
  raw: z.string().nullable(),
});
export type ManifestIssue = z.infer<typeof ManifestIssueSchema>;

export const ManifestValidationSchema = z.object({
  valid: z.boolean(),
  errors: z.array(ManifestIssueSchema),
});
export type ManifestValidation = z.infer<typeof ManifestValidationSchema>;
