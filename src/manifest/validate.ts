/** Offline manifest validation: Microsoft's XSD through xmllint-wasm, then the checks the XSD cannot make. */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { validateXML, type XMLFileInfo } from "xmllint-wasm";
import type { ManifestIssue, ManifestValidation } from "./issue";
import { checkManifestReferences } from "./references";
import { describeSchemaError } from "./schemaMessages";

const XSD_DIR = join(__dirname, "xsd");
const ENTRY_SCHEMA = "OfficeAppManifestV1_1.xsd";

/** The entry schema, and the schemas it imports (xmllint-wasm reads no files itself). */
function loadSchemas(): { entry: XMLFileInfo; imports: XMLFileInfo[] } {
  const read = (fileName: string) => ({
    fileName,
    contents: readFileSync(join(XSD_DIR, fileName), "utf8"),
  });
  const others = readdirSync(XSD_DIR).filter(
    (name) => name.endsWith(".xsd") && name !== ENTRY_SCHEMA
  );
  return { entry: read(ENTRY_SCHEMA), imports: others.map(read) };
}

/** Validates a manifest against OfficeAppManifestV1_1.xsd. fileName only labels xmllint's messages. */
export async function validateManifestXml(
  xml: string,
  fileName = "manifest.xml"
): Promise<ManifestValidation> {
  const { entry, imports } = loadSchemas();
  const result = await validateXML({
    xml: [{ fileName: basename(fileName), contents: xml }],
    schema: [entry],
    preload: imports,
  });
  const errors: ManifestIssue[] = [];
  for (const error of result.errors) {
    const previous = errors.at(-1);
    // xmllint follows a well-formedness error with lines quoting the source; they belong to it.
    if (!error.loc && previous?.raw) {
      previous.raw += `\n${error.rawMessage}`;
      continue;
    }
    errors.push({
      kind: "schema",
      line: error.loc?.lineNumber || null,
      message: describeSchemaError(error.message),
      raw: error.rawMessage,
    });
  }
  if (!result.valid && errors.length === 0) {
    errors.push({
      kind: "schema",
      line: null,
      message: "不符合 Office 清单架构。",
      raw: result.rawOutput.trim(),
    });
  }
  return { valid: result.valid && errors.length === 0, errors };
}

/**
 * The full check: the XSD first, then (on a manifest the XSD accepts) URLs, icons and resource ids.
 * assetsDir is the folder the icon URLs' assets/ maps to.
 */
export async function validateManifest(
  xml: string,
  options: { assetsDir: string; fileName?: string }
): Promise<ManifestValidation> {
  const schema = await validateManifestXml(xml, options.fileName);
  if (!schema.valid) return schema;
  const errors = checkManifestReferences(xml, options.assetsDir);
  return { valid: errors.length === 0, errors };
}
