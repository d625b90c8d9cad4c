// Loads a geokg CSV export into an in-memory Kùzu database by running its
// kuzu.cypher, then runs the queries read from stdin (one a line) and prints
// each one's rows as one JSON array a line. Used by tests/e2e/kuzu_test.cc.
//
// usage: node kuzu_load.js NODE_MODULES_DIR EXPORT_DIR < queries
// Exit status: 0 ok; 3 the kuzu package cannot be loaded (the test is then
// skipped); 1 a statement or query failed (message on stderr).
const path = require("path");
const fs = require("fs");

const [modulesDir, exportDir] = process.argv.slice(2);
let kuzu;
try {
  kuzu = require(path.join(path.resolve(modulesDir), "kuzu"));
} catch (e) {
  console.error("kuzu package not loadable from " + modulesDir + ": " + e.message);
  process.exit(3);
}

(async () => {
  process.chdir(exportDir);  // COPY paths in kuzu.cypher are relative to it
  const db = new kuzu.Database(":memory:");
  const conn = new kuzu.Connection(db);
  const script = fs.readFileSync("kuzu.cypher", "utf8")
      .split("\n").filter((l) => !l.startsWith("//")).join("\n");
  for (const statement of script.split(";\n").map((s) => s.trim()).filter((s) => s)) {
    try {
      await conn.query(statement);
    } catch (e) {
      throw new Error("kuzu.cypher: " + statement + ": " + e.message);
    }
  }
  const queries = fs.readFileSync(0, "utf8").split("\n").filter((q) => q.trim());
  for (const q of queries) {
    let rows;
    try {
      rows = await (await conn.query(q)).getAll();
    } catch (e) {
      throw new Error(q + ": " + e.message);
    }
    console.log(JSON.stringify(rows, (k, v) => (typeof v === "bigint" ? Number(v) : v)));
  }
})().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
