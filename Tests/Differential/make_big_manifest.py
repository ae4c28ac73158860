#!/usr/bin/env python3
"""Writes N Deployment manifests (default 10,000, about 8.9 MB) as one multi-document YAML file.

Usage: make_big_manifest.py OUT.yaml [N]

The input for measuring the YAML parser, e.g. `time kubesim parse OUT.yaml > /dev/null` on a
release build. Each document mixes block and flow collections, quoted scalars and comments.
"""
import sys

TEMPLATE = """apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-{i}
  namespace: team-{ns}
  labels:
    app: web-{i}
    tier: "frontend"
  annotations:
    kubesim.io/duration: 30s
spec:
  replicas: {replicas}
  selector:
    matchLabels:
      app: web-{i}
  strategy:
    type: RollingUpdate
    rollingUpdate: {{maxSurge: 25%, maxUnavailable: 25%}}
  template:
    metadata:
      labels:
        app: web-{i}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
          protocol: TCP
        resources:
          requests:
            cpu: 100m
            memory: 128Mi
          limits:
            cpu: "500m"
            memory: 256Mi
        args: ["--port", "80", '--verbose']
      tolerations:
      - key: node.kubernetes.io/not-ready
        operator: Exists
        effect: NoExecute
        tolerationSeconds: 300
"""


def main():
    if len(sys.argv) < 2:
        print(__doc__.strip().splitlines()[2])
        return 2
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    docs = [TEMPLATE.format(i=i, ns=i % 7, replicas=i % 5 + 1) for i in range(n)]
    with open(sys.argv[1], "w") as f:
        f.write("---\n".join(docs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
