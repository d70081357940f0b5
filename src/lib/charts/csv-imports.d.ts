// Type of `import data from "./file.csv"`, served by vite-plugin-csv.ts.
declare module "*.csv" {
  const data: import("./csv.ts").CsvModule;
  export default data;
}
