import BarChart from "../chart/BarChart.astro";
import Figure from "../chart/Figure.astro";
import LineChart from "../chart/LineChart.astro";
import ScatterChart from "../chart/ScatterChart.astro";

/** Components every MDX post can use without importing them, on the page and in feeds alike. */
export const mdxComponents = { LineChart, BarChart, ScatterChart, Figure };
