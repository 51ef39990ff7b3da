import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getOpenApiDocument } from "@/lib/api/get-openapi-document";
import { describeSchema } from "@/lib/api/describe-schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiReference"))("title") };
}

interface Parameter {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema: unknown;
}

interface Operation {
  operationId: string;
  tags: string[];
  summary: string;
  "x-details"?: string;
  "x-access"?: string;
  parameters?: Parameter[];
  requestBody?: { description?: string; content: Record<string, { schema?: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: unknown }> }>;
}

/** The API reference: rendered here, on the server, from the same document as /api/openapi.json. */
export default async function ApiReferencePage() {
  const t = await getTranslations("apiReference");
  const document = getOpenApiDocument();
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Operation>).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
  );
  const tags = document.tags.map((tag) => tag.name);
  return (
    <div className="stack api-reference">
      <h1>{t("title")}</h1>
      <p>{t.rich("intro", { link: (chunks) => <a href="/api/openapi.json">{chunks}</a> })}</p>
      <h2>{t("authentication")}</h2>
      <p>{t("authenticationText")}</p>
      <h2>{t("anonymity")}</h2>
      <p>{t("anonymityText")}</p>
      <nav aria-labelledby="api-contents">
        <h2 id="api-contents">{t("contents")}</h2>
        <ul>
          {operations.map(({ path, method, operation }) => (
            <li key={operation.operationId}>
              <a href={`#${operation.operationId}`}>
                <code>
                  {method} {path}
                </code>
              </a>{" "}
              {operation.summary}
            </li>
          ))}
        </ul>
      </nav>
      {tags.map((tag) => (
        <section key={tag} className="stack" aria-labelledby={`tag-${tag}`}>
          <h2 id={`tag-${tag}`}>{tag}</h2>
          {operations
            .filter(({ operation }) => operation.tags.includes(tag))
            .map(({ path, method, operation }) => (
              <article key={operation.operationId} id={operation.operationId} className="card stack-small" aria-labelledby={`${operation.operationId}-title`}>
                <h3 id={`${operation.operationId}-title`}>
                  <code>
                    {method} {path}
                  </code>
                </h3>
                <p>{operation.summary}</p>
                {operation["x-details"] && <p>{operation["x-details"]}</p>}
                {operation["x-access"] && (
                  <p>
                    <strong>{t("who")}:</strong> {operation["x-access"]}
                  </p>
                )}
                {operation.parameters && <Parameters parameters={operation.parameters} />}
                {operation.requestBody && (
                  <>
                    <h4>{t("requestBody")}</h4>
                    {operation.requestBody.description && <p>{operation.requestBody.description}</p>}
                    <Contents content={operation.requestBody.content} />
                  </>
                )}
                <h4>{t("responses")}</h4>
                <dl>
                  {Object.entries(operation.responses).map(([status, response]) => (
                    <div key={status}>
                      <dt>
                        <code>{status}</code>
                      </dt>
                      <dd>
                        {response.description}
                        {response.content && status.startsWith("2") && <Contents content={response.content} />}
                      </dd>
                    </div>
                  ))}
                </dl>
              </article>
            ))}
        </section>
      ))}
      <section className="stack" aria-labelledby="api-schemas">
        <h2 id="api-schemas">{t("schemas")}</h2>
        {Object.entries(document.components.schemas).map(([name, schema]) => (
          <div key={name} id={`schema-${name}`}>
            <h3>{name}</h3>
            {typeof schema.description === "string" && <p>{schema.description}</p>}
            <pre tabIndex={0}>
              <code>{describeSchema(schema)}</code>
            </pre>
          </div>
        ))}
      </section>
    </div>
  );
}

async function Parameters({ parameters }: { parameters: Parameter[] }) {
  const t = await getTranslations("apiReference");
  return (
    <>
      <h4>{t("parameters")}</h4>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("parameter")}</th>
            <th scope="col">{t("in")}</th>
            <th scope="col">{t("required")}</th>
            <th scope="col">{t("schema")}</th>
          </tr>
        </thead>
        <tbody>
          {parameters.map((parameter) => (
            <tr key={`${parameter.in}-${parameter.name}`}>
              <td>
                <code>{parameter.name}</code>
              </td>
              <td>{parameter.in}</td>
              <td>{parameter.required ? t("yes") : t("no")}</td>
              <td>
                <code>{describeSchema(parameter.schema)}</code>
                {parameter.description && ` ${parameter.description}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

async function Contents({ content }: { content: Record<string, { schema?: unknown }> }) {
  const t = await getTranslations("apiReference");
  const types = Object.keys(content);
  const withSchema = Object.entries(content).filter(([, item]) => item.schema);
  if (withSchema.length === 0) return <p>{t("download", { types: types.join(", ") })}</p>;
  return (
    <>
      {withSchema.map(([type, item]) => (
        <div key={type}>
          <p>
            <code>{type}</code>
          </p>
          <pre tabIndex={0}>
            <code>{describeSchema(item.schema)}</code>
          </pre>
        </div>
      ))}
    </>
  );
}
