import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;
type Schema = Record<string, unknown> & {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  oneOf?: Schema[];
  anyOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
};
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Schema;
}
interface Operation {
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  security?: unknown[];
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
}
export interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const anchor = (method: string, path: string) => `${method}-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;
const schemaName = (ref: string) => ref.split('/').at(-1)!;

/** Bounds, formats and defaults of a schema, in words. */
function limits(schema: Schema): string {
  const said: string[] = [];
  const add = (key: string, words: string) =>
    schema[key] !== undefined && said.push(`${words} ${JSON.stringify(schema[key])}`);
  add('minimum', 'from');
  add('maximum', 'to');
  add('maxLength', 'characters at most:');
  add('pattern', 'matching');
  add('format', 'format');
  add('default', 'default');
  return said.join(', ');
}

/** A schema's type in a few words, with links to named schemas. */
function typeOf(schema: Schema | undefined): Markup {
  if (!schema) return html`any`;
  if (schema.$ref) return html`<a href="#schema-${schemaName(schema.$ref)}">${schemaName(schema.$ref)}</a>`;
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives)
    return html`${alternatives.map((option, n) => html`${n ? ' or ' : ''}${typeOf(option)}`)}`;
  if (schema.const !== undefined) return html`<code>${JSON.stringify(schema.const)}</code>`;
  if (schema.enum) return html`one of ${schema.enum.map((value, n) => html`${n ? ', ' : ''}<code>${String(value)}</code>`)}`; // prettier-ignore
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'any'];
  return html`${types.map((type, n) => {
    const or = n ? ' or ' : '';
    if (type === 'array') return html`${or}array of ${typeOf(schema.items)}`;
    if (type === 'object' && typeof schema.additionalProperties === 'object')
      return html`${or}map of names to ${typeOf(schema.additionalProperties)}`;
    return html`${or}${type}`;
  })}`;
}

/** An object's properties as a table; nested objects as tables within, a few levels deep. */
function properties(schema: Schema, depth = 0): Markup {
  const entries = Object.entries(schema.properties ?? {});
  if (entries.length === 0 || depth > 3) return html``;
  return html`<table>
    <tr>
      <th>field</th>
      <th>type</th>
      <th>about</th>
    </tr>
    ${entries.map(([name, property]) => {
      const inner = property.items?.properties ? property.items : property;
      return html`<tr>
        <td><code>${name}</code>${schema.required?.includes(name) ? '' : html` <small>optional</small>`}</td>
        <td>${typeOf(property)}</td>
        <td>
          ${property.description ?? ''} <small>${limits(property)}</small>${properties(inner, depth + 1)}
        </td>
      </tr>`;
    })}
  </table>`;
}

function operation(method: string, path: string, op: Operation): Markup {
  const parameters = op.parameters ?? [];
  return html`<section id="${anchor(method, path)}">
    <h2><code>${method.toUpperCase()}</code> <code>${path}</code></h2>
    <p>${op.summary ?? ''}</p>
    ${op.description ? html`<p>${op.description}</p>` : ''}
    ${op.security?.length ? html`<p><strong>Needs a partner key:</strong> <code>Authorization: Bearer slk_…</code></p>` : ''}
    ${
      parameters.length
        ? html`<h3>Parameters</h3>
            <table>
              <tr>
                <th>name</th>
                <th>in</th>
                <th>type</th>
                <th>about</th>
              </tr>
              ${parameters.map(
                (parameter) =>
                  html`<tr>
                    <td>
                      <code>${parameter.name}</code
                      >${parameter.required ? html` <strong>required</strong>` : ''}
                    </td>
                    <td>${parameter.in}</td>
                    <td>${typeOf(parameter.schema)}</td>
                    <td>
                      ${parameter.description ?? parameter.schema?.description ?? ''}
                      <small>${limits(parameter.schema ?? {})}</small>
                    </td>
                  </tr>`,
              )}
            </table>`
        : ''
    }
    <h3>Responses</h3>
    <dl>
      ${Object.entries(op.responses ?? {}).map(
        ([status, response]) =>
          html`<dt>${status}</dt>
            <dd>
              ${response.description ?? ''}
              ${Object.entries(response.content ?? {}).map(([type, { schema }]) => html`<br /><code>${type}</code>: ${typeOf(schema)}`)}
            </dd>`,
      )}
    </dl>
  </section>`;
}

/** /docs: the OpenAPI document as a readable page, rendered on the server (no script, so the CSP holds). */
export function renderDocs(document: OpenApiDocument): Markup {
  const operations = Object.entries(document.paths)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ method, path, op })));
  const schemas = Object.entries(document.components?.schemas ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${document.info.title} reference</title>
        <link rel="stylesheet" href="/docs.css" />
      </head>
      <body>
        <header>
          <h1>${document.info.title} <small>${document.info.version}</small></h1>
          <p>${document.info.description ?? ''}</p>
          <p>
            This page is rendered from <a href="/openapi.json">/openapi.json</a>, the OpenAPI 3.1 document
            generated from the schemas the API validates with. Errors always answer
            <a href="#schema-Error">Error</a>.
          </p>
        </header>
        <nav aria-label="Endpoints">
          <h2>Endpoints</h2>
          <ul>
            ${operations.map(
              ({ method, path, op }) =>
                html`<li>
                  <a href="#${anchor(method, path)}"><code>${method.toUpperCase()} ${path}</code></a>
                  ${op.summary ?? ''}
                </li>`,
            )}
          </ul>
        </nav>
        <main>
          ${operations.map(({ method, path, op }) => operation(method, path, op))}
          <h2>Schemas</h2>
          ${schemas.map(
            ([name, schema]) =>
              html`<section id="schema-${name}">
                <h3>${name}</h3>
                <p>${schema.description ?? ''} ${schema.properties ? '' : typeOf(schema)}</p>
                ${properties(schema)}
              </section>`,
          )}
        </main>
      </body>
    </html>`;
}
