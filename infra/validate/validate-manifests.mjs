// Validates the Kubernetes manifests of a folder without a cluster.
//  1. Every object against the Kubernetes API's OpenAPI schema (types, required fields, enumerations), through the
//     models of the kubernetes-models package.
//  2. The rules this deployment depends on, which no schema knows: selectors that select, probes on declared ports,
//     one worker Deployment of two or more replicas, a connector for every administration (from the connectors'
//     registry), settings and secrets that exist,
//     a web application that reaches the API through a Service of this deployment.
// Usage: node validate-manifests.mjs <folder>. Prints one line per finding; exits 1 if there is any.
import fs from "node:fs";
import path from "node:path";
import yaml from "js-yaml";

const folder = process.argv[2] ?? "../k8s";
// Provided by the platform, never in the repository (README, "Kubernetes").
const platformSecrets = {
  "aankopen-database": ["connection-string"], "aankopen-rabbitmq": ["username", "password"], "aankopen-web-client": ["client-secret"],
  // One key per finance system that asks for a token, named by the connectors' registry.
  "aankopen-finance-credentials": [],
};

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
const workloads = [...byKind("Deployment"), ...byKind("StatefulSet"), ...byKind("Job")];
const longRunning = (doc) => doc.kind === "Deployment" || doc.kind === "StatefulSet";
const configMaps = new Set(byKind("ConfigMap").map((o) => o.doc.metadata.name));
const envOf = (c) => Object.fromEntries((c.env ?? []).filter((e) => "value" in e).map((e) => [e.name, e.value]));

for (const { doc, where } of workloads) {
  const pod = doc.spec?.template;
  if (longRunning(doc) && !matches(doc.spec?.selector?.matchLabels, pod?.metadata?.labels))
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
    if (longRunning(doc) && (!c.livenessProbe || !c.readinessProbe)) fail(where, `container ${c.name} needs a liveness and a readiness probe`);
    for (const source of c.envFrom ?? [])
      if (source.configMapRef && !configMaps.has(source.configMapRef.name)) fail(where, `uses ConfigMap ${source.configMapRef.name}, which is not defined`);
    for (const e of c.env ?? []) {
      const ref = e.valueFrom?.secretKeyRef;
      if (ref && !(platformSecrets[ref.name] ?? []).includes(ref.key))
        fail(where, `reads secret ${ref.name} key ${ref.key}, which is not one the README asks the platform for`);
    }
  }
  for (const v of pod?.spec?.volumes ?? []) {
    if (v.configMap && !configMaps.has(v.configMap.name)) fail(where, `mounts ConfigMap ${v.configMap.name}, which is not defined`);
    if (v.secret && !(v.secret.secretName in platformSecrets)) fail(where, `mounts secret ${v.secret.secretName}, which is not one the README asks the platform for`);
  }
  const env = Object.assign({}, ...(pod?.spec?.containers ?? []).map(envOf));
  const component = doc.metadata?.labels?.["app.kubernetes.io/component"];
  // Connector replicas share the registry's administrations by number: a StatefulSet gives each pod its number in its
  // name, and every replica must know how many there are. The worker's daemon elects a leader among its replicas, so
  // it needs two or more: one standing by to take over.
  if (component === "connector") {
    if (doc.kind !== "StatefulSet") fail(where, "connectors run as a StatefulSet, whose pod names number the replicas");
    const replicaFrom = pod?.spec?.containers?.[0]?.env?.find((e) => e.name === "Connector__Replica")?.valueFrom?.fieldRef?.fieldPath;
    if (replicaFrom !== "metadata.name") fail(where, "Connector__Replica must come from the pod's name (fieldRef metadata.name)");
    if (String(doc.spec.replicas) !== env.Connector__Replicas) fail(where, `Connector__Replicas (${env.Connector__Replicas ?? "unset"}) must equal spec.replicas (${doc.spec.replicas})`);
    const mount = pod?.spec?.containers?.[0]?.volumeMounts?.find((m) => (env.Connector__Registry ?? "").startsWith(m.mountPath + "/"));
    const volume = pod?.spec?.volumes?.find((v) => v.name === mount?.name);
    if (!volume?.configMap) fail(where, `Connector__Registry (${env.Connector__Registry ?? "unset"}) must be a file of a mounted ConfigMap`);
  }
  if (component === "worker" && !(doc.spec.replicas >= 2)) fail(where, "a worker must have at least 2 replicas, so that one takes over when the leader dies");
  // The migration is the worker's verb: the API's image has none.
  if (component === "migrate" && !pod?.spec?.containers?.some((c) => c.image?.startsWith("aankopen-worker") && (c.args ?? [])[0] === "migrate"))
    fail(where, "the migration runs the worker image with the argument migrate");
  // The pages ask the API for everything: Web__ApiAddress must name the Service in front of the API replicas.
  if (component === "web") {
    const host = /^https?:\/\/([a-z0-9-]+)(?::\d+)?\/?$/.exec(env.Web__ApiAddress ?? "")?.[1];
    const service = byKind("Service").find((o) => o.doc.metadata.name === host);
    if (!service || !byKind("Deployment").some((o) => o.doc.metadata.labels?.["app.kubernetes.io/component"] === "api" && matches(service.doc.spec?.selector, o.doc.spec?.template?.metadata?.labels)))
      fail(where, `Web__ApiAddress (${env.Web__ApiAddress ?? "unset"}) must be http://<the API's Service>`);
  }
}

// The administrations the connectors serve: those of the registries their pods mount.
const connectors = workloads.filter((o) => o.doc.metadata.labels?.["app.kubernetes.io/component"] === "connector");
const registries = new Set(connectors.flatMap((o) => (o.doc.spec.template.spec.volumes ?? []).filter((v) => v.configMap).map((v) => v.configMap.name)));
const served = [];
for (const { doc, where } of byKind("ConfigMap").filter((o) => registries.has(o.doc.metadata.name)))
  for (const [key, text] of Object.entries(doc.data ?? {})) {
    let listed;
    try {
      listed = JSON.parse(text).administrations ?? [];
    } catch (e) {
      fail(where, `${key} is not valid JSON: ${e.message}`);
      continue;
    }
    for (const a of listed) {
      if (!/^https?:\/\//.test(a.financeSystem ?? "")) fail(where, `${key} gives ${a.administration} no http(s) financeSystem`);
      served.push(`${a.tenant ?? "default"}/${a.administration}`);
    }
  }
for (const dup of served.filter((a, i) => served.indexOf(a) !== i)) fail("connectors", `the registry lists ${dup} twice`);
const settings = Object.assign({}, ...byKind("ConfigMap").map((o) => o.doc.data ?? {}));
const configured = Object.entries(settings).filter(([k]) => /^Administrations__\d+__Code$/.test(k)).map(([, v]) => v);
for (const administration of configured)
  if (!served.includes(`default/${administration}`)) fail("connectors", `no connector serves ${administration}: its finance system would book nothing`);
if (byKind("Deployment").filter((o) => o.doc.metadata.labels?.["app.kubernetes.io/component"] === "worker").length !== 1)
  fail("worker", "there must be exactly one worker Deployment");

// A parked finance message waits for an operator: someone must be told.
const rules = byKind("ConfigMap").flatMap((o) => Object.values(o.doc.data ?? {}).filter((v) => /^\s*groups:/m.test(v)).map((v) => yaml.load(v)));
const alerts = rules.flatMap((r) => r.groups ?? []).flatMap((g) => g.rules ?? []).filter((r) => r.alert);
if (!alerts.some((r) => /\baankopen_finance_messages_parked\b/.test(r.expr ?? "")))
  fail("alerts", "no alert rule on aankopen_finance_messages_parked: parked finance messages would wait unseen");

for (const { doc, where } of byKind("Service")) {
  const targets = [...byKind("Deployment"), ...byKind("StatefulSet")].filter((o) => matches(doc.spec?.selector, o.doc.spec?.template?.metadata?.labels));
  if (targets.length === 0) fail(where, "selects no pods");
  for (const p of doc.spec?.ports ?? [])
    for (const t of targets)
      if (!t.doc.spec.template.spec.containers.some((c) => (c.ports ?? []).some((cp) => cp.name === p.targetPort || cp.containerPort === p.targetPort)))
        fail(where, `targetPort ${p.targetPort} is not a port of ${t.doc.metadata.name}`);
}

for (const f of findings) console.log(`invalid: ${f}`);
console.log(`${objects.length} objects checked, ${findings.length} findings`);
process.exit(findings.length === 0 ? 0 : 1);
