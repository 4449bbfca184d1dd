// Validates the Kubernetes manifests of a folder without a cluster.
//  1. Every object against the Kubernetes API's OpenAPI schema (types, required fields, enumerations), through the
//     models of the kubernetes-models package.
//  2. The rules this deployment depends on, which no schema knows: selectors that select, probes on declared ports,
//     one worker Deployment of two or more replicas, one connector per administration, settings and secrets that exist,
//     a web application that reaches the API through a Service of this deployment.
// Usage: node validate-manifests.mjs <folder>. Prints one line per finding; exits 1 if there is any.
import fs from "node:fs";
import path from "node:path";
import yaml from "js-yaml";

const folder = process.argv[2] ?? "../k8s";
// Provided by the platform, never in the repository (README, "Kubernetes").
const platformSecrets = { "aankopen-database": ["connection-string"], "aankopen-rabbitmq": ["username", "password"], "aankopen-web-client": ["client-secret"] };

const findings = [];
const fail = (where, what) => findings.push(`${where}: ${what}`);

const kustomization = yaml.load(fs.readFileSync(path.join(folder, "kustomization.yaml"), "utf8"));
const objects = [];
for (const file of kustomization.resources ?? []) {
  const full = path.join(folder, file);
  if (!fs.existsSync(full)) {
    fail("kustomization.yaml", `lists ${file}, which does not exist`);
    continue;
  }
  for (const doc of yaml.loadAll(fs.readFileSync(full, "utf8"))) {
    if (doc) objects.push({ file, doc, where: `${file} ${doc.kind ?? "?"}/${doc.metadata?.name ?? "?"}` });
  }
}
if (objects.length === 0) fail(folder, "no objects found");

// 1. Schema.
for (const { doc, where } of objects) {
  const [group, version] = doc.apiVersion?.includes("/") ? doc.apiVersion.split("/") : [null, doc.apiVersion];
  const module = group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`;
  let models;
  try {
    models = await import(module);
  } catch {
    fail(where, `unknown apiVersion ${doc.apiVersion}`);
    continue;
  }
  const Model = models[doc.kind];
  if (!Model) {
    fail(where, `unknown kind ${doc.kind} in ${doc.apiVersion}`);
    continue;
  }
  try {
    new Model(doc).validate();
  } catch (e) {
    fail(where, e.message);
  }
}

// 2. This deployment's rules.
const byKind = (kind) => objects.filter((o) => o.doc.kind === kind);
const matches = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
const workloads = [...byKind("Deployment"), ...byKind("Job")];
const configMaps = new Set(byKind("ConfigMap").map((o) => o.doc.metadata.name));
const envOf = (c) => Object.fromEntries((c.env ?? []).filter((e) => "value" in e).map((e) => [e.name, e.value]));

for (const { doc, where } of workloads) {
  const pod = doc.spec?.template;
  if (doc.kind === "Deployment" && !matches(doc.spec?.selector?.matchLabels, pod?.metadata?.labels))
    fail(where, "the selector does not select the pod template's labels");
  for (const c of pod?.spec?.containers ?? []) {
    const ports = new Set((c.ports ?? []).flatMap((p) => [p.name, p.containerPort]));
    if (!c.resources?.requests?.memory || !c.resources?.limits?.memory) fail(where, `container ${c.name} has no memory request and limit`);
    for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
      const get = c[probe]?.httpGet;
      if (!get) continue;
      if (!ports.has(get.port)) fail(where, `${probe} uses port ${get.port}, which the container does not declare`);
      if (!["/health/live", "/health/ready"].includes(get.path)) fail(where, `${probe} asks ${get.path}; the services answer /health/live and /health/ready`);
    }
    if (doc.kind === "Deployment" && (!c.livenessProbe || !c.readinessProbe)) fail(where, `container ${c.name} needs a liveness and a readiness probe`);
    for (const source of c.envFrom ?? [])
      if (source.configMapRef && !configMaps.has(source.configMapRef.name)) fail(where, `uses ConfigMap ${source.configMapRef.name}, which is not defined`);
    for (const e of c.env ?? []) {
      const ref = e.valueFrom?.secretKeyRef;
      if (ref && !(platformSecrets[ref.name] ?? []).includes(ref.key))
        fail(where, `reads secret ${ref.name} key ${ref.key}, which is not one the README asks the platform for`);
    }
  }
  const env = Object.assign({}, ...(pod?.spec?.containers ?? []).map(envOf));
  const component = doc.metadata?.labels?.["app.kubernetes.io/component"];
  // A connector takes its queues one message at a time, so one copy each. The worker's daemon elects a leader among
  // its replicas, so it needs two or more: one standing by to take over.
  if (component === "connector") {
    if (doc.spec.replicas !== 1) fail(where, `a ${component} must have exactly 1 replica`);
    if (doc.spec.strategy?.type !== "Recreate") fail(where, `a ${component} must use the Recreate strategy, so that two never overlap`);
  }
  if (component === "worker" && !(doc.spec.replicas >= 2)) fail(where, "a worker must have at least 2 replicas, so that one takes over when the leader dies");
  // The migration is the worker's verb: the API's image has none.
  if (component === "migrate" && !pod?.spec?.containers?.some((c) => c.image?.startsWith("aankopen-worker") && (c.args ?? [])[0] === "migrate"))
    fail(where, "the migration runs the worker image with the argument migrate");
  if (component === "connector" && !/^[A-Z0-9-]{2,20}$/.test(env.Connector__Administration ?? "")) fail(where, "a connector must name its Connector__Administration");
  // The pages ask the API for everything: Web__ApiAddress must name the Service in front of the API replicas.
  if (component === "web") {
    const host = /^https?:\/\/([a-z0-9-]+)(?::\d+)?\/?$/.exec(env.Web__ApiAddress ?? "")?.[1];
    const service = byKind("Service").find((o) => o.doc.metadata.name === host);
    if (!service || !byKind("Deployment").some((o) => o.doc.metadata.labels?.["app.kubernetes.io/component"] === "api" && matches(service.doc.spec?.selector, o.doc.spec?.template?.metadata?.labels)))
      fail(where, `Web__ApiAddress (${env.Web__ApiAddress ?? "unset"}) must be http://<the API's Service>`);
  }
}

const connectors = byKind("Deployment").filter((o) => o.doc.metadata.labels?.["app.kubernetes.io/component"] === "connector");
const served = connectors.map((o) => envOf(o.doc.spec.template.spec.containers[0]).Connector__Administration);
for (const dup of served.filter((a, i) => served.indexOf(a) !== i)) fail("connectors", `two connectors serve ${dup}`);
const settings = Object.assign({}, ...byKind("ConfigMap").map((o) => o.doc.data ?? {}));
const configured = Object.entries(settings).filter(([k]) => /^Administrations__\d+__Code$/.test(k)).map(([, v]) => v);
for (const administration of configured)
  if (!served.includes(administration)) fail("connectors", `no connector serves ${administration}: its finance system would book nothing`);
if (byKind("Deployment").filter((o) => o.doc.metadata.labels?.["app.kubernetes.io/component"] === "worker").length !== 1)
  fail("worker", "there must be exactly one worker Deployment");

// A parked finance message waits for an operator: someone must be told.
const rules = byKind("ConfigMap").flatMap((o) => Object.values(o.doc.data ?? {}).filter((v) => /^\s*groups:/m.test(v)).map((v) => yaml.load(v)));
const alerts = rules.flatMap((r) => r.groups ?? []).flatMap((g) => g.rules ?? []).filter((r) => r.alert);
if (!alerts.some((r) => /\baankopen_finance_messages_parked\b/.test(r.expr ?? "")))
  fail("alerts", "no alert rule on aankopen_finance_messages_parked: parked finance messages would wait unseen");

for (const { doc, where } of byKind("Service")) {
  const targets = byKind("Deployment").filter((o) => matches(doc.spec?.selector, o.doc.spec?.template?.metadata?.labels));
  if (targets.length === 0) fail(where, "selects no pods");
  for (const p of doc.spec?.ports ?? [])
    for (const t of targets)
      if (!t.doc.spec.template.spec.containers.some((c) => (c.ports ?? []).some((cp) => cp.name === p.targetPort || cp.containerPort === p.targetPort)))
        fail(where, `targetPort ${p.targetPort} is not a port of ${t.doc.metadata.name}`);
}

for (const f of findings) console.log(`invalid: ${f}`);
console.log(`${objects.length} objects checked, ${findings.length} findings`);
process.exit(findings.length === 0 ? 0 : 1);
