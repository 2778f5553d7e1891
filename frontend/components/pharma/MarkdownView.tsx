import { Fragment } from "react";

import { parseInline, parseMarkdown, type MdBlock } from "@/lib/pharma";

// The preview is built from React elements only: document inputs are user text,
// so nothing is ever injected as HTML.

function Inline({ text }: { text: string }) {
  return (
    <>
      {parseInline(text).map((p, i) =>
        p.strong ? <strong key={i}>{p.text}</strong> : p.em ? <em key={i}>{p.text}</em> : <Fragment key={i}>{p.text}</Fragment>,
      )}
    </>
  );
}

const HEADING_CLASS = ["text-xl font-semibold", "mt-6 text-lg font-semibold", "mt-4 font-semibold", "mt-3 font-medium"];

function Block({ block }: { block: MdBlock }) {
  switch (block.kind) {
    case "heading": {
      // The page already has its h1 and h2s: document headings start one level below.
      const level = Math.min(block.level + 2, 6);
      const Tag = `h${level}` as "h3" | "h4" | "h5" | "h6";
      return (
        <Tag className={HEADING_CLASS[Math.min(block.level - 1, 3)]}>
          <Inline text={block.text} />
        </Tag>
      );
    }
    case "list": {
      const Tag = block.ordered ? "ol" : "ul";
      return (
        <Tag className={block.ordered ? "list-decimal space-y-1 pl-6" : "list-disc space-y-1 pl-6"}>
          {block.items.map((item, i) => (
            <li key={i}>
              <Inline text={item} />
            </li>
          ))}
        </Tag>
      );
    }
    case "table":
      return (
        // A wide table scrolls; a scrollable region must be reachable by keyboard (axe "scrollable-region-focusable").
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- see above
        <div className="overflow-x-auto outline-none focus-visible:ring-2 focus-visible:ring-ring" tabIndex={0} role="region" aria-label={`Table: ${block.header.join(", ").slice(0, 80)}`}>
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr>
                {block.header.map((h, i) => (
                  <th key={i} scope="col" className="border px-2 py-1 text-left font-medium">
                    <Inline text={h} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((c, i) => (
                    <td key={i} className="border px-2 py-1 align-top">
                      <Inline text={c} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case "code":
      return <pre className="overflow-x-auto rounded bg-muted p-3 text-xs">{block.text}</pre>;
    default:
      return (
        <p>
          <Inline text={block.text} />
        </p>
      );
  }
}

export function MarkdownView({ markdown }: { markdown: string }) {
  return (
    <div className="space-y-3 text-sm leading-relaxed" data-testid="document-preview">
      {parseMarkdown(markdown).map((block, i) => (
        <Block key={i} block={block} />
      ))}
    </div>
  );
}
