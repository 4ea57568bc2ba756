#!/usr/bin/python3
"""The Kubernetes manifests and the compose file, read as the tools read them (python3-yaml): every
kind the issue asks for is there, the Deployment runs two non-root replicas on a read-only root
filesystem, its probes ask routes the API documents, and every KEYWARD_* variable they set is one
`keyward-server --help` lists.

Usage: manifests.py KEYWARD_SERVER_BINARY"""
import json
import pathlib
import re
import subprocess
import sys

import yaml

root = pathlib.Path(__file__).resolve().parents[2]
binary = sys.argv[1]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


help_text = subprocess.run([binary, "--help"], capture_output=True, text=True, check=True).stdout
known_variables = set(re.findall(r"\benv\s+(KEYWARD_[A-Z_]+)", help_text))
check(len(known_variables) > 10, f"--help lists only {sorted(known_variables)}")
documented_routes = set(json.loads((root / "resources/openapi.json").read_text())["paths"])


def variables_in(document):
    """Every KEYWARD_* name a manifest sets, wherever it sits."""
    found = set()
    if isinstance(document, dict):
        for key, value in document.items():
            if isinstance(key, str) and key.startswith("KEYWARD_"):
                found.add(key)
            if key == "name" and isinstance(value, str) and value.startswith("KEYWARD_"):
                found.add(value)
            found |= variables_in(value)
    elif isinstance(document, list):
        for item in document:
            found |= variables_in(item)
    return found


kubernetes = root / "installer/kubernetes"
documents = []
for path in sorted(kubernetes.glob("*.yaml")):
    for document in yaml.safe_load_all(path.read_text()):
        check(document is not None, f"{path.name}: an empty document")
        if document:
            documents.append((path.name, document))
kinds = {document["kind"]: document for _, document in documents}
for kind in ["Deployment", "Service", "Secret", "ConfigMap", "PodDisruptionBudget", "NetworkPolicy", "Kustomization"]:
    check(kind in kinds, f"no {kind} in installer/kubernetes")
listed = set(kinds.get("Kustomization", {}).get("resources", []))
# Everything but the Secret, made once by hand: an apply must never put placeholders over the key.
check(listed == {p.name for p in kubernetes.glob("*.yaml")} - {"kustomization.yaml", "secret.yaml"},
      f"kustomization.yaml lists {sorted(listed)}")

deployment = kinds.get("Deployment", {})
spec = deployment.get("spec", {})
check(spec.get("replicas") == 2, "the Deployment does not run 2 replicas")
pod = spec.get("template", {}).get("spec", {})
check(pod.get("securityContext", {}).get("runAsNonRoot") is True, "pods may run as root")
for container in pod.get("containers", []):
    security = container.get("securityContext", {})
    check(security.get("readOnlyRootFilesystem") is True, f"{container['name']}: root filesystem writable")
    check(security.get("allowPrivilegeEscalation") is False, f"{container['name']}: may escalate privileges")
    for probe in ["livenessProbe", "readinessProbe"]:
        path = container.get(probe, {}).get("httpGet", {}).get("path")
        check(path in documented_routes, f"{container['name']}: {probe} asks {path}, not a documented route")
    check(container.get("livenessProbe", {}).get("httpGet", {}).get("path") == "/health/live",
          "liveness is not /health/live (readiness may fail while the database is away; liveness must not)")
    check(container.get("readinessProbe", {}).get("httpGet", {}).get("path") == "/health/ready",
          "readiness is not /health/ready")
    mounts = {m["mountPath"] for m in container.get("volumeMounts", [])}
    data_dir = kinds.get("ConfigMap", {}).get("data", {}).get("KEYWARD_DATA_DIR")
    check(data_dir in mounts, f"the data directory {data_dir} is not a mounted volume (read-only root)")

set_variables = set()
for name, document in documents:
    set_variables |= variables_in(document)
compose = yaml.safe_load((root / "installer/compose.yaml").read_text())
set_variables |= variables_in(compose)
unknown = sorted(set_variables - known_variables)
check(not unknown, f"variables keyward-server does not know: {unknown}")

services = compose.get("services", {})
check(sum(1 for s in services.values() if "keyward" in str(s.get("image", ""))) == 2, "compose: not two Keyward nodes")
check(any("postgres:15" in str(s.get("image", "")) for s in services.values()), "compose: no PostgreSQL 15")
check("nginx" in services, "compose: no nginx in front")
nginx_conf = (root / "installer/compose/nginx.conf").read_text()
for node in [name for name, s in services.items() if "keyward" in str(s.get("image", ""))]:
    check(f"server {node}:8080" in nginx_conf, f"nginx does not send to {node}")

if failures:
    print("\n".join("FAIL: " + f for f in failures))
    sys.exit(1)
print(f"manifests: {len(documents)} Kubernetes documents and the compose file check out; "
      f"{len(set_variables)} variables, all known to keyward-server")
