import { defineHastPlugin } from "satteri";

/**
 * GFM task-list checkboxes have no label of their own, so assistive
 * technology announces "checkbox" with nothing to say what it means.
 */
export const taskListLabels = (labels: { done: string; notDone: string }) =>
  defineHastPlugin({
    name: "task-list-labels",
    element: {
      filter: ["input"],
      visit(node, ctx) {
        if (node.properties?.["type"] !== "checkbox") return;
        ctx.setProperty(node, "ariaLabel", node.properties["checked"] ? labels.done : labels.notDone);
      },
    },
  });
