import { isMap, isScalar, parseDocument } from "yaml";
import { findFrontmatter } from "../posts/frontmatter.ts";
import type { PointAt } from "./positions.ts";
import type { FrontmatterInfo, Point } from "./types.ts";

/** Parses the block like `readFrontmatter` does, but keeps where each field sits so reports can point at it. */
export function parseFrontmatter(source: string, pointAt: PointAt): FrontmatterInfo {
  const block = findFrontmatter(source);
  if (!block) return { data: {}, fields: new Map() };
  // The core schema leaves dates as written, as the build reads them.
  const doc = parseDocument(block.yaml, { prettyErrors: false, uniqueKeys: true, schema: "core" });
  const at = (yamlOffset: number): Point => pointAt(block.start + yamlOffset);
  const firstError = doc.errors[0];
  if (firstError) {
    return {
      data: {},
      fields: new Map(),
      error: { message: firstError.message.split("\n")[0] ?? firstError.message, point: at(firstError.pos[0]) },
    };
  }
  const contents = doc.contents;
  if (contents === null) return { data: {}, fields: new Map() };
  if (!isMap(contents)) {
    return { data: {}, fields: new Map(), error: { message: "frontmatter is not a key: value mapping", point: at(0) } };
  }
  const fields = new Map<string, Point>();
  for (const pair of contents.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const valueNode = pair.value;
    const range = valueNode && typeof valueNode === "object" && "range" in valueNode ? valueNode.range : undefined;
    const keyRange = pair.key.range;
    const offset = range?.[0] ?? keyRange?.[0] ?? 0;
    fields.set(key, at(offset));
  }
  const data: unknown = doc.toJS();
  return { data: isRecord(data) ? data : {}, fields };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
