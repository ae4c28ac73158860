import KubeSimControllers
import Testing

@testable import KubeSimScenario

@Suite struct KubectlCommandParserTests {
  @Test func splitsShellWords() throws {
    #expect(
      try ShellWords.split(#"label pod web 'note=two words' "a\"b" c\ d"#) == [
        "label", "pod", "web", "note=two words", "a\"b", "c d",
      ])
    #expect(try ShellWords.split("  scale  deploy/web ") == ["scale", "deploy/web"])
    #expect(try ShellWords.split("x ''") == ["x", ""])
    #expect(throws: KubectlError("unterminated single quote in the command line")) {
      try ShellWords.split("label pod 'a")
    }
    #expect(throws: KubectlError("unterminated double quote in the command line")) {
      try ShellWords.split("label pod \"a")
    }
  }

  @Test func parsesScale() throws {
    #expect(
      try KubectlCommandParser.parse("scale deployment/web --replicas=5")
        == .scale(target: ResourceTarget(kind: "deployment", names: ["web"]), replicas: 5))
    #expect(
      try KubectlCommandParser.parse("kubectl scale --replicas 3 rs web -n prod")
        == .scale(
          target: ResourceTarget(kind: "rs", names: ["web"], namespace: "prod"), replicas: 3))
    #expect(throws: KubectlError("kubectl scale needs --replicas=N")) {
      try KubectlCommandParser.parse("scale deployment/web")
    }
    #expect(throws: KubectlError("--replicas: expected a non-negative integer, found \"five\"")) {
      try KubectlCommandParser.parse("scale deployment/web --replicas=five")
    }
    #expect(
      throws: KubectlError(
        "unknown flag --replica for kubectl scale (supported: --all, --namespace, --replicas, --selector)"
      )
    ) { try KubectlCommandParser.parse("scale deployment/web --replica=5") }
  }

  @Test func parsesApplyCreateDelete() throws {
    #expect(
      try KubectlCommandParser.parse("apply -f manifests/web.yaml")
        == .apply(file: "manifests/web.yaml"))
    #expect(try KubectlCommandParser.parse("create --filename=x.yaml") == .create(file: "x.yaml"))
    #expect(
      try KubectlCommandParser.parse("delete pod web-1 web-2")
        == .delete(
          target: ResourceTarget(kind: "pod", names: ["web-1", "web-2"]),
          options: KubectlDeleteOptions()))
    #expect(
      try KubectlCommandParser.parse("delete pods -l app=web,tier!=db")
        == .delete(
          target: ResourceTarget(kind: "pods", selector: "app=web,tier!=db"),
          options: KubectlDeleteOptions()))
    #expect(throws: KubectlError("kubectl delete pods needs a name, -l SELECTOR or --all")) {
      try KubectlCommandParser.parse("delete pods")
    }
    #expect(throws: KubectlError("kubectl apply needs -f FILE")) {
      try KubectlCommandParser.parse("apply x.yaml")
    }
  }

  /// kubectl delete's flags resolved as delete.go `Complete`/`Validate` and helpers.go
  /// `parseCascadingFlag` do: (command line, propagation, grace period, force).
  @Test(arguments: [
    ("delete deploy/web", DeletionPropagation.background, nil, false),
    ("delete deploy/web --cascade", .background, nil, false),
    ("delete deploy/web --cascade=foreground", .foreground, nil, false),
    ("delete deploy/web --cascade=orphan", .orphan, nil, false),
    ("delete deploy/web --cascade=true", .background, nil, false),
    ("delete deploy/web --cascade=false", .orphan, nil, false),
    ("delete deploy/web --cascade=F", .orphan, nil, false),
    ("delete pod/a --grace-period=5", .background, 5, false),
    ("delete pod/a --grace-period=0", .background, 1, false),
    ("delete pod/a --grace-period=-1", .background, nil, false),
    ("delete pod/a --now", .background, 1, false),
    ("delete pod/a --force", .background, 0, true),
    ("delete pod/a --force --grace-period=0", .background, 0, true),
  ] as [(String, DeletionPropagation, Int64?, Bool)])
  func parsesDeleteOptions(
    line: String, propagation: DeletionPropagation, grace: Int64?, force: Bool
  ) throws {
    guard case .delete(_, let o) = try KubectlCommandParser.parse(line) else {
      Issue.record("not a delete")
      return
    }
    #expect(o.propagation == propagation)
    #expect(o.gracePeriodSeconds == grace)
    #expect(o.force == force)
  }

  @Test(arguments: [
    (
      "delete deploy/web --cascade=sideways",
      "invalid cascade value (sideways). Must be \"background\", \"foreground\", or \"orphan\""
    ),
    ("delete pod/a --now --grace-period=3", "--now and --grace-period cannot be specified together"),
    (
      "delete pod/a --force --grace-period=3",
      "--force and --grace-period greater than 0 cannot be specified together"
    ),
    ("delete pod/a --grace-period=soon", "--grace-period: expected an integer, found \"soon\""),
    ("delete pod/a --now=maybe", "--now takes no value, found \"maybe\""),
  ])
  func rejectsWrongDeleteOptions(line: String, message: String) {
    #expect(throws: KubectlError(message)) { try KubectlCommandParser.parse(line) }
  }

  @Test func parsesNodeVerbs() throws {
    #expect(try KubectlCommandParser.parse("cordon worker-2") == .cordon(node: "worker-2"))
    #expect(try KubectlCommandParser.parse("uncordon worker-2") == .uncordon(node: "worker-2"))
    #expect(throws: KubectlError("kubectl cordon takes exactly one node name, found 0 arguments")) {
      try KubectlCommandParser.parse("cordon")
    }
  }

  @Test func parsesLabelsAndAnnotations() throws {
    #expect(
      try KubectlCommandParser.parse("label node worker-1 disk=ssd zone- --overwrite")
        == .label(
          target: ResourceTarget(kind: "node", names: ["worker-1"]),
          changes: [.set(key: "disk", value: "ssd"), .remove(key: "zone")], overwrite: true))
    #expect(
      try KubectlCommandParser.parse("annotate deploy/web 'note=a b'")
        == .annotate(
          target: ResourceTarget(kind: "deploy", names: ["web"]),
          changes: [.set(key: "note", value: "a b")], overwrite: false))
    #expect(throws: KubectlError("kubectl label needs at least one key=value or key- argument")) {
      try KubectlCommandParser.parse("label node worker-1")
    }
  }

  @Test func parsesTaints() throws {
    #expect(
      try KubectlCommandParser.parse("taint nodes worker-1 dedicated=gpu:NoSchedule")
        == .taint(
          target: ResourceTarget(kind: "nodes", names: ["worker-1"]),
          changes: [.add(key: "dedicated", value: "gpu", effect: .noSchedule)], overwrite: false))
    #expect(
      try KubectlCommandParser.parse("taint node worker-1 dedicated:NoExecute- spot-")
        == .taint(
          target: ResourceTarget(kind: "node", names: ["worker-1"]),
          changes: [
            .remove(key: "dedicated", effect: .noExecute), .remove(key: "spot", effect: nil),
          ], overwrite: false))
    #expect(
      try KubectlCommandParser.parse("taint no -l pool=spot spot:PreferNoSchedule")
        == .taint(
          target: ResourceTarget(kind: "no", selector: "pool=spot"),
          changes: [.add(key: "spot", value: "", effect: .preferNoSchedule)], overwrite: false))
    #expect(
      throws: KubectlError(
        "invalid taint spec: a=b:Never, invalid taint effect: Never, unsupported taint effect (expected NoSchedule, PreferNoSchedule or NoExecute)"
      )
    ) { try KubectlCommandParser.parse("taint nodes w a=b:Never") }
    #expect(throws: KubectlError("kubectl taint applies to nodes, found kind \"pods\"")) {
      try KubectlCommandParser.parse("taint pods p a=b:NoSchedule")
    }
  }

  @Test func rejectsFutureAndUnknownVerbs() {
    #expect(
      throws: KubectlError(
        "unknown kubectl verb \"sacle\" (expected one of: apply, create, delete, scale, cordon, uncordon, label, annotate, taint, set, rollout, patch, drain)"
      )
    ) { try KubectlCommandParser.parse("sacle deploy/web") }
  }
}
