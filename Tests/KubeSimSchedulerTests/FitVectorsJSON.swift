// Generated from shared/reference/scheduler-vectors.json (kube-scheduler test vectors transcribed
// from upstream pkg/scheduler/framework/plugins/noderesources/*_test.go): the NodeResourcesFit
// filter and LeastAllocated/MostAllocated/RequestedToCapacityRatio score vectors, and the
// BuildBrokenLinearFunction helper vectors, embedded so the test runs from a clone.
enum FitVectorsJSON {
  static let text = #"""
[
{
"plugin": "NodeResourcesFit",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestEnoughRequests",
"name": "no resources requested always fits",
"phase": "PreFilter+Filter",
"pod": {
"containers": []
},
"nodes": [
{
"name": "",
"allocatable": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
},
"capacity": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
}
}
],
"existingPods": [
{
"nodeName": "",
"containers": [
{
"requests": {
"cpu": "10m",
"memory": "20"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"": "Success"
},
"notes": "incoming pod has no containers"
},
{
"plugin": "NodeResourcesFit",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestEnoughRequests",
"name": "too many resources fails due to init container cpu",
"phase": "PreFilter+Filter",
"pod": {
"containers": [
{
"requests": {
"cpu": "1m",
"memory": "1"
}
}
],
"initContainers": [
{
"requests": {
"cpu": "3m",
"memory": "1"
}
}
]
},
"nodes": [
{
"name": "",
"allocatable": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
},
"capacity": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
}
}
],
"existingPods": [
{
"nodeName": "",
"containers": [
{
"requests": {
"cpu": "8m",
"memory": "19"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"": "Unschedulable"
},
"expected_reasons": {
"": [
"Insufficient cpu"
]
},
"expected_insufficient_resources": [
{
"resourceName": "cpu",
"requested": 3,
"used": 8,
"capacity": 10
}
]
},
{
"plugin": "NodeResourcesFit",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestEnoughRequests",
"name": "too many resources fails due to highest init container cpu",
"phase": "PreFilter+Filter",
"pod": {
"containers": [
{
"requests": {
"cpu": "1m",
"memory": "1"
}
}
],
"initContainers": [
{
"requests": {
"cpu": "3m",
"memory": "1"
}
},
{
"requests": {
"cpu": "2m",
"memory": "1"
}
}
]
},
"nodes": [
{
"name": "",
"allocatable": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
},
"capacity": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
}
}
],
"existingPods": [
{
"nodeName": "",
"containers": [
{
"requests": {
"cpu": "8m",
"memory": "19"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"": "Unschedulable"
},
"expected_reasons": {
"": [
"Insufficient cpu"
]
},
"expected_insufficient_resources": [
{
"resourceName": "cpu",
"requested": 3,
"used": 8,
"capacity": 10
}
]
},
{
"plugin": "NodeResourcesFit",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestEnoughRequests",
"name": "too many resources fails due to highest init container memory",
"phase": "PreFilter+Filter",
"pod": {
"containers": [
{
"requests": {
"cpu": "1m",
"memory": "1"
}
}
],
"initContainers": [
{
"requests": {
"cpu": "1m",
"memory": "3"
}
},
{
"requests": {
"cpu": "1m",
"memory": "2"
}
}
]
},
"nodes": [
{
"name": "",
"allocatable": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
},
"capacity": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
}
}
],
"existingPods": [
{
"nodeName": "",
"containers": [
{
"requests": {
"cpu": "9m",
"memory": "19"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"": "Unschedulable"
},
"expected_reasons": {
"": [
"Insufficient memory"
]
},
"expected_insufficient_resources": [
{
"resourceName": "memory",
"requested": 3,
"used": 19,
"capacity": 20
}
]
},
{
"plugin": "NodeResourcesFit",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestEnoughRequests",
"name": "init container fits because it's the max, not sum, of containers and init containers",
"phase": "PreFilter+Filter",
"pod": {
"containers": [
{
"requests": {
"cpu": "1m",
"memory": "1"
}
}
],
"initContainers": [
{
"requests": {
"cpu": "1m",
"memory": "1"
}
}
]
},
"nodes": [
{
"name": "",
"allocatable": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
},
"capacity": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
}
}
],
"existingPods": [
{
"nodeName": "",
"containers": [
{
"requests": {
"cpu": "9m",
"memory": "19"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"": "Success"
}
},
{
"plugin": "NodeResourcesFit",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestEnoughRequests",
"name": "both resources fit",
"phase": "PreFilter+Filter",
"pod": {
"containers": [
{
"requests": {
"cpu": "1m",
"memory": "1"
}
}
]
},
"nodes": [
{
"name": "",
"allocatable": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
},
"capacity": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
}
}
],
"existingPods": [
{
"nodeName": "",
"containers": [
{
"requests": {
"cpu": "5m",
"memory": "5"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"": "Success"
}
},
{
"plugin": "NodeResourcesFit",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestEnoughRequests",
"name": "one resource memory fits",
"phase": "PreFilter+Filter",
"pod": {
"containers": [
{
"requests": {
"cpu": "2m",
"memory": "1"
}
}
]
},
"nodes": [
{
"name": "",
"allocatable": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
},
"capacity": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
}
}
],
"existingPods": [
{
"nodeName": "",
"containers": [
{
"requests": {
"cpu": "9m",
"memory": "5"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"": "Unschedulable"
},
"expected_reasons": {
"": [
"Insufficient cpu"
]
},
"expected_insufficient_resources": [
{
"resourceName": "cpu",
"requested": 2,
"used": 9,
"capacity": 10
}
]
},
{
"plugin": "NodeResourcesFit",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestEnoughRequests",
"name": "equal edge case",
"phase": "PreFilter+Filter",
"pod": {
"containers": [
{
"requests": {
"cpu": "5m",
"memory": "1"
}
}
]
},
"nodes": [
{
"name": "",
"allocatable": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
},
"capacity": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
}
}
],
"existingPods": [
{
"nodeName": "",
"containers": [
{
"requests": {
"cpu": "5m",
"memory": "19"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"": "Success"
}
},
{
"plugin": "NodeResourcesFit",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestEnoughRequests",
"name": "equal edge case for init container",
"phase": "PreFilter+Filter",
"pod": {
"containers": [
{
"requests": {
"cpu": "4m",
"memory": "1"
}
}
],
"initContainers": [
{
"requests": {
"cpu": "5m",
"memory": "1"
}
}
]
},
"nodes": [
{
"name": "",
"allocatable": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
},
"capacity": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
}
}
],
"existingPods": [
{
"nodeName": "",
"containers": [
{
"requests": {
"cpu": "5m",
"memory": "19"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"": "Success"
}
},
{
"plugin": "NodeResourcesFit",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestEnoughRequests",
"name": "extended resource fits for init container",
"phase": "PreFilter+Filter",
"pod": {
"containers": [
{
"requests": {}
}
],
"initContainers": [
{
"requests": {
"example.com/aaa": "1"
}
}
]
},
"nodes": [
{
"name": "",
"allocatable": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
},
"capacity": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
}
}
],
"existingPods": [
{
"nodeName": "",
"containers": [
{
"requests": {}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"": "Success"
}
},
{
"plugin": "NodeResourcesFit",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestEnoughRequests",
"name": "extended resource capacity enforced",
"phase": "PreFilter+Filter",
"pod": {
"containers": [
{
"requests": {
"cpu": "1m",
"memory": "1",
"example.com/aaa": "10"
}
}
]
},
"nodes": [
{
"name": "",
"allocatable": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
},
"capacity": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
}
}
],
"existingPods": [
{
"nodeName": "",
"containers": [
{
"requests": {
"example.com/aaa": "0"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"": "UnschedulableAndUnresolvable"
},
"expected_reasons": {
"": [
"Insufficient example.com/aaa"
]
},
"expected_insufficient_resources": [
{
"resourceName": "example.com/aaa",
"requested": 10,
"used": 0,
"capacity": 5,
"unresolvable": true
}
]
},
{
"plugin": "NodeResourcesFit",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestEnoughRequests",
"name": "extended resource allocatable enforced",
"phase": "PreFilter+Filter",
"pod": {
"containers": [
{
"requests": {
"cpu": "1m",
"memory": "1",
"example.com/aaa": "1"
}
}
]
},
"nodes": [
{
"name": "",
"allocatable": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
},
"capacity": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
}
}
],
"existingPods": [
{
"nodeName": "",
"containers": [
{
"requests": {
"example.com/aaa": "5"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"": "Unschedulable"
},
"expected_reasons": {
"": [
"Insufficient example.com/aaa"
]
},
"expected_insufficient_resources": [
{
"resourceName": "example.com/aaa",
"requested": 1,
"used": 5,
"capacity": 5
}
]
},
{
"plugin": "NodeResourcesFit",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestEnoughRequests",
"name": "extended resource allocatable enforced for init container",
"phase": "PreFilter+Filter",
"pod": {
"containers": [
{
"requests": {}
}
],
"initContainers": [
{
"requests": {
"cpu": "1m",
"memory": "1",
"example.com/aaa": "1"
}
}
]
},
"nodes": [
{
"name": "",
"allocatable": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
},
"capacity": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
}
}
],
"existingPods": [
{
"nodeName": "",
"containers": [
{
"requests": {
"example.com/aaa": "5"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"": "Unschedulable"
},
"expected_reasons": {
"": [
"Insufficient example.com/aaa"
]
},
"expected_insufficient_resources": [
{
"resourceName": "example.com/aaa",
"requested": 1,
"used": 5,
"capacity": 5
}
]
},
{
"plugin": "NodeResourcesFit",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestEnoughRequests",
"name": "extended resource allocatable admits multiple init containers",
"phase": "PreFilter+Filter",
"pod": {
"containers": [
{
"requests": {}
}
],
"initContainers": [
{
"requests": {
"cpu": "1m",
"memory": "1",
"example.com/aaa": "3"
}
},
{
"requests": {
"cpu": "1m",
"memory": "1",
"example.com/aaa": "3"
}
}
]
},
"nodes": [
{
"name": "",
"allocatable": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
},
"capacity": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
}
}
],
"existingPods": [
{
"nodeName": "",
"containers": [
{
"requests": {
"example.com/aaa": "2"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"": "Success"
}
},
{
"plugin": "NodeResourcesFit",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestEnoughRequests",
"name": "extended resource allocatable enforced for multiple init containers",
"phase": "PreFilter+Filter",
"pod": {
"containers": [
{
"requests": {}
}
],
"initContainers": [
{
"requests": {
"cpu": "1m",
"memory": "1",
"example.com/aaa": "6"
}
},
{
"requests": {
"cpu": "1m",
"memory": "1",
"example.com/aaa": "3"
}
}
]
},
"nodes": [
{
"name": "",
"allocatable": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
},
"capacity": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
}
}
],
"existingPods": [
{
"nodeName": "",
"containers": [
{
"requests": {
"example.com/aaa": "2"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"": "UnschedulableAndUnresolvable"
},
"expected_reasons": {
"": [
"Insufficient example.com/aaa"
]
},
"expected_insufficient_resources": [
{
"resourceName": "example.com/aaa",
"requested": 6,
"used": 2,
"capacity": 5,
"unresolvable": true
}
]
},
{
"plugin": "NodeResourcesFit",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestEnoughRequests",
"name": "extended resource allocatable enforced for unknown resource for init container",
"phase": "PreFilter+Filter",
"pod": {
"containers": [
{
"requests": {}
}
],
"initContainers": [
{
"requests": {
"cpu": "1m",
"memory": "1",
"example.com/bbb": "1"
}
}
]
},
"nodes": [
{
"name": "",
"allocatable": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
},
"capacity": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
}
}
],
"existingPods": [
{
"nodeName": "",
"containers": [
{
"requests": {}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"": "UnschedulableAndUnresolvable"
},
"expected_reasons": {
"": [
"Insufficient example.com/bbb"
]
},
"expected_insufficient_resources": [
{
"resourceName": "example.com/bbb",
"requested": 1,
"used": 0,
"capacity": 0,
"unresolvable": true
}
]
},
{
"plugin": "NodeResourcesFit",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestEnoughRequests",
"name": "kubernetes.io resource capacity enforced",
"phase": "PreFilter+Filter",
"pod": {
"containers": [
{
"requests": {
"cpu": "1m",
"memory": "1",
"kubernetes.io/something": "10"
}
}
]
},
"nodes": [
{
"name": "",
"allocatable": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
},
"capacity": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
}
}
],
"existingPods": [
{
"nodeName": "",
"containers": [
{
"requests": {}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"": "UnschedulableAndUnresolvable"
},
"expected_reasons": {
"": [
"Insufficient kubernetes.io/something"
]
},
"expected_insufficient_resources": [
{
"resourceName": "kubernetes.io/something",
"requested": 10,
"used": 0,
"capacity": 0,
"unresolvable": true
}
]
},
{
"plugin": "NodeResourcesFit",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestEnoughRequests",
"name": "hugepages resource capacity enforced",
"phase": "PreFilter+Filter",
"pod": {
"containers": [
{
"requests": {
"cpu": "1m",
"memory": "1",
"hugepages-2Mi": "10"
}
}
]
},
"nodes": [
{
"name": "",
"allocatable": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
},
"capacity": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
}
}
],
"existingPods": [
{
"nodeName": "",
"containers": [
{
"requests": {
"hugepages-2Mi": "0"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"": "UnschedulableAndUnresolvable"
},
"expected_reasons": {
"": [
"Insufficient hugepages-2Mi"
]
},
"expected_insufficient_resources": [
{
"resourceName": "hugepages-2Mi",
"requested": 10,
"used": 0,
"capacity": 5,
"unresolvable": true
}
]
},
{
"plugin": "NodeResourcesFit",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestEnoughRequests",
"name": "hugepages resource capacity enforced for init container",
"phase": "PreFilter+Filter",
"pod": {
"containers": [
{
"requests": {}
}
],
"initContainers": [
{
"requests": {
"cpu": "1m",
"memory": "1",
"hugepages-2Mi": "10"
}
}
]
},
"nodes": [
{
"name": "",
"allocatable": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
},
"capacity": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
}
}
],
"existingPods": [
{
"nodeName": "",
"containers": [
{
"requests": {
"hugepages-2Mi": "0"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"": "UnschedulableAndUnresolvable"
},
"expected_reasons": {
"": [
"Insufficient hugepages-2Mi"
]
},
"expected_insufficient_resources": [
{
"resourceName": "hugepages-2Mi",
"requested": 10,
"used": 0,
"capacity": 5,
"unresolvable": true
}
]
},
{
"plugin": "NodeResourcesFit",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestEnoughRequests",
"name": "skip checking ignored extended resource",
"phase": "PreFilter+Filter",
"pod": {
"containers": [
{
"requests": {
"cpu": "1m",
"memory": "1",
"example.com/bbb": "1"
}
}
]
},
"nodes": [
{
"name": "",
"allocatable": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
},
"capacity": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
}
}
],
"existingPods": [
{
"nodeName": "",
"containers": [
{
"requests": {}
}
]
}
],
"args": {
"ignoredResources": [
"example.com/bbb"
],
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"": "Success"
}
},
{
"plugin": "NodeResourcesFit",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestEnoughRequests",
"name": "resources + pod overhead fits",
"phase": "PreFilter+Filter",
"pod": {
"containers": [
{
"requests": {
"cpu": "1m",
"memory": "1"
}
}
],
"overhead": {
"cpu": "3m",
"memory": "13"
}
},
"nodes": [
{
"name": "",
"allocatable": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
},
"capacity": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
}
}
],
"existingPods": [
{
"nodeName": "",
"containers": [
{
"requests": {
"cpu": "5m",
"memory": "5"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"": "Success"
}
},
{
"plugin": "NodeResourcesFit",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestEnoughRequests",
"name": "skip checking ignored extended resource via resource groups",
"phase": "PreFilter+Filter",
"pod": {
"containers": [
{
"requests": {
"cpu": "1m",
"memory": "1",
"example.com/bbb": "1",
"kubernetes.io/something": "1"
}
}
]
},
"nodes": [
{
"name": "",
"allocatable": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
},
"capacity": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
}
}
],
"existingPods": [
{
"nodeName": "",
"containers": [
{
"requests": {}
}
]
}
],
"args": {
"ignoredResourceGroups": [
"example.com"
],
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"": "UnschedulableAndUnresolvable"
},
"expected_reasons": {
"": [
"Insufficient kubernetes.io/something"
]
},
"expected_insufficient_resources": [
{
"resourceName": "kubernetes.io/something",
"requested": 1,
"used": 0,
"capacity": 0,
"unresolvable": true
}
]
},
{
"plugin": "NodeResourcesFit",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestEnoughRequests",
"name": "skip checking extended resource request with quantity zero via resource groups",
"phase": "PreFilter+Filter",
"pod": {
"containers": [
{
"requests": {
"cpu": "1m",
"memory": "1",
"example.com/aaa": "0"
}
}
]
},
"nodes": [
{
"name": "",
"allocatable": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
},
"capacity": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
}
}
],
"existingPods": [
{
"nodeName": "",
"containers": [
{
"requests": {
"example.com/aaa": "6"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"": "Success"
},
"notes": "the incoming pod explicitly requests example.com/aaa: 0 (kept); a zero request is skipped even though the node is over-committed on it"
},
{
"plugin": "NodeResourcesFit",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestNotEnoughRequests",
"name": "even without specified resources, predicate fails when there's no space for additional pod",
"phase": "PreFilter+Filter",
"pod": {
"containers": []
},
"nodes": [
{
"name": "",
"allocatable": {
"cpu": "10m",
"memory": "20",
"pods": "1",
"example.com/aaa": "0",
"ephemeral-storage": "0",
"hugepages-2Mi": "0"
},
"capacity": {}
}
],
"existingPods": [
{
"nodeName": "",
"containers": [
{
"requests": {
"cpu": "10m",
"memory": "20"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"": "Unschedulable"
},
"expected_reasons": {
"": [
"Too many pods"
]
}
},
{
"plugin": "NodeResourcesFit",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestNotEnoughRequests",
"name": "even if both resources fit, predicate fails when there's no space for additional pod",
"phase": "PreFilter+Filter",
"pod": {
"containers": [
{
"requests": {
"cpu": "1m",
"memory": "1"
}
}
]
},
"nodes": [
{
"name": "",
"allocatable": {
"cpu": "10m",
"memory": "20",
"pods": "1",
"example.com/aaa": "0",
"ephemeral-storage": "0",
"hugepages-2Mi": "0"
},
"capacity": {}
}
],
"existingPods": [
{
"nodeName": "",
"containers": [
{
"requests": {
"cpu": "5m",
"memory": "5"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"": "Unschedulable"
},
"expected_reasons": {
"": [
"Too many pods"
]
}
},
{
"plugin": "NodeResourcesFit",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestNotEnoughRequests",
"name": "even for equal edge case, predicate fails when there's no space for additional pod due to init container",
"phase": "PreFilter+Filter",
"pod": {
"containers": [
{
"requests": {
"cpu": "5m",
"memory": "1"
}
}
],
"initContainers": [
{
"requests": {
"cpu": "5m",
"memory": "1"
}
}
]
},
"nodes": [
{
"name": "",
"allocatable": {
"cpu": "10m",
"memory": "20",
"pods": "1",
"example.com/aaa": "0",
"ephemeral-storage": "0",
"hugepages-2Mi": "0"
},
"capacity": {}
}
],
"existingPods": [
{
"nodeName": "",
"containers": [
{
"requests": {
"cpu": "5m",
"memory": "19"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"": "Unschedulable"
},
"expected_reasons": {
"": [
"Too many pods"
]
}
},
{
"plugin": "NodeResourcesFit",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestStorageRequests",
"name": "empty storage requested, and pod fits",
"phase": "PreFilter+Filter",
"pod": {
"containers": [
{
"requests": {
"cpu": "1m",
"memory": "1"
}
}
]
},
"nodes": [
{
"name": "",
"allocatable": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
},
"capacity": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
}
}
],
"existingPods": [
{
"nodeName": "",
"containers": [
{
"requests": {
"cpu": "2m",
"memory": "10"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"": "Success"
}
},
{
"plugin": "NodeResourcesFit",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestStorageRequests",
"name": "ephemeral local storage is sufficient",
"phase": "PreFilter+Filter",
"pod": {
"containers": [
{
"requests": {
"ephemeral-storage": "5"
}
}
]
},
"nodes": [
{
"name": "",
"allocatable": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
},
"capacity": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
}
}
],
"existingPods": [
{
"nodeName": "",
"containers": [
{
"requests": {
"cpu": "2m",
"memory": "2",
"ephemeral-storage": "10"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"": "Success"
}
},
{
"plugin": "NodeResourcesFit",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestStorageRequests",
"name": "pod fits",
"phase": "PreFilter+Filter",
"pod": {
"containers": [
{
"requests": {
"ephemeral-storage": "10"
}
}
]
},
"nodes": [
{
"name": "",
"allocatable": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
},
"capacity": {
"cpu": "10m",
"memory": "20",
"pods": "32",
"example.com/aaa": "5",
"ephemeral-storage": "20",
"hugepages-2Mi": "5"
}
}
],
"existingPods": [
{
"nodeName": "",
"containers": [
{
"requests": {
"cpu": "2m",
"memory": "2"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"": "Success"
}
},
{
"plugin": "NodeResourcesFit/LeastAllocated",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestFitScore",
"name": "test case for ScoringStrategy LeastAllocated",
"phase": "PreScore+Score (raw)",
"pod": {
"containers": [
{
"requests": {
"cpu": "1000",
"memory": "2000"
}
}
]
},
"nodes": [
{
"name": "node1",
"allocatable": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
},
"capacity": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
}
},
{
"name": "node2",
"allocatable": {
"pods": "32",
"cpu": "6000",
"memory": "10000"
},
"capacity": {
"pods": "32",
"cpu": "6000",
"memory": "10000"
}
}
],
"existingPods": [
{
"nodeName": "node1",
"containers": [
{
"requests": {
"cpu": "2000",
"memory": "4000"
}
}
]
},
{
"nodeName": "node2",
"containers": [
{
"requests": {
"cpu": "1000",
"memory": "2000"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"node1": 32,
"node2": 63
}
},
{
"plugin": "NodeResourcesFit/LeastAllocated",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/least_allocated_test.go@008b3652959ca58af8be3fb5b6ecfe9ae7638282 (master, 2026)",
"test": "TestLeastAllocatedScoringStrategy",
"name": "nothing scheduled, nothing requested",
"phase": "PreScore+Score (raw, no NormalizeScore)",
"pod": {
"containers": []
},
"nodes": [
{
"name": "node1",
"allocatable": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
},
"capacity": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
}
},
{
"name": "node2",
"allocatable": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
},
"capacity": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
}
}
],
"existingPods": [],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"node1": 100,
"node2": 100
},
"notes": "pod has NO containers (st.MakePod().Obj()), so the non-zero defaults do not apply"
},
{
"plugin": "NodeResourcesFit/LeastAllocated",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/least_allocated_test.go@008b3652959ca58af8be3fb5b6ecfe9ae7638282 (master, 2026)",
"test": "TestLeastAllocatedScoringStrategy",
"name": "no resources requested, pods scheduled",
"phase": "PreScore+Score (raw, no NormalizeScore)",
"pod": {
"containers": []
},
"nodes": [
{
"name": "node1",
"allocatable": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
},
"capacity": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
}
},
{
"name": "node2",
"allocatable": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
},
"capacity": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
}
}
],
"existingPods": [
{
"nodeName": "node1",
"containers": []
},
{
"nodeName": "node1",
"containers": []
},
{
"nodeName": "node2",
"containers": []
},
{
"nodeName": "node2",
"containers": []
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"node1": 100,
"node2": 100
},
"notes": "existing pods have no containers"
},
{
"plugin": "NodeResourcesFit/LeastAllocated",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/least_allocated_test.go@008b3652959ca58af8be3fb5b6ecfe9ae7638282 (master, 2026)",
"test": "TestLeastAllocatedScoringStrategy",
"name": "no resources requested, pods scheduled with resources",
"phase": "PreScore+Score (raw, no NormalizeScore)",
"pod": {
"containers": []
},
"nodes": [
{
"name": "node1",
"allocatable": {
"pods": "32",
"cpu": "10000",
"memory": "20000"
},
"capacity": {
"pods": "32",
"cpu": "10000",
"memory": "20000"
}
},
{
"name": "node2",
"allocatable": {
"pods": "32",
"cpu": "10000",
"memory": "20000"
},
"capacity": {
"pods": "32",
"cpu": "10000",
"memory": "20000"
}
}
],
"existingPods": [
{
"nodeName": "node1",
"containers": [
{
"requests": {
"cpu": "3000",
"memory": "0"
}
}
]
},
{
"nodeName": "node1",
"containers": [
{
"requests": {
"cpu": "3000",
"memory": "0"
}
}
]
},
{
"nodeName": "node2",
"containers": [
{
"requests": {
"cpu": "3000",
"memory": "0"
}
}
]
},
{
"nodeName": "node2",
"containers": [
{
"requests": {
"cpu": "3000",
"memory": "5000"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"node1": 70,
"node2": 57
}
},
{
"plugin": "NodeResourcesFit/LeastAllocated",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/least_allocated_test.go@008b3652959ca58af8be3fb5b6ecfe9ae7638282 (master, 2026)",
"test": "TestLeastAllocatedScoringStrategy",
"name": "resources requested, pods scheduled with resources, differently sized nodes",
"phase": "PreScore+Score (raw, no NormalizeScore)",
"pod": {
"containers": [
{
"requests": {
"cpu": "1000",
"memory": "2000"
}
},
{
"requests": {
"cpu": "2000",
"memory": "3000"
}
}
]
},
"nodes": [
{
"name": "node1",
"allocatable": {
"pods": "32",
"cpu": "10000",
"memory": "20000"
},
"capacity": {
"pods": "32",
"cpu": "10000",
"memory": "20000"
}
},
{
"name": "node2",
"allocatable": {
"pods": "32",
"cpu": "10000",
"memory": "50000"
},
"capacity": {
"pods": "32",
"cpu": "10000",
"memory": "50000"
}
}
],
"existingPods": [
{
"nodeName": "node1",
"containers": [
{
"requests": {
"cpu": "3000",
"memory": "0"
}
}
]
},
{
"nodeName": "node2",
"containers": [
{
"requests": {
"cpu": "3000",
"memory": "5000"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"node1": 57,
"node2": 60
}
},
{
"plugin": "NodeResourcesFit/LeastAllocated",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/least_allocated_test.go@008b3652959ca58af8be3fb5b6ecfe9ae7638282 (master, 2026)",
"test": "TestLeastAllocatedScoringStrategy",
"name": "requested resources exceed node capacity",
"phase": "PreScore+Score (raw, no NormalizeScore)",
"pod": {
"containers": [
{
"requests": {
"cpu": "3000",
"memory": "0"
}
}
]
},
"nodes": [
{
"name": "node1",
"allocatable": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
},
"capacity": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
}
},
{
"name": "node2",
"allocatable": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
},
"capacity": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
}
}
],
"existingPods": [
{
"nodeName": "node1",
"containers": [
{
"requests": {
"cpu": "3000",
"memory": "0"
}
}
]
},
{
"nodeName": "node2",
"containers": [
{
"requests": {
"cpu": "3000",
"memory": "5000"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"node1": 50,
"node2": 25
}
},
{
"plugin": "NodeResourcesFit/LeastAllocated",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/least_allocated_test.go@008b3652959ca58af8be3fb5b6ecfe9ae7638282 (master, 2026)",
"test": "TestLeastAllocatedScoringStrategy",
"name": "nothing scheduled, resources requested with different weight on CPU and memory, differently sized nodes",
"phase": "PreScore+Score (raw, no NormalizeScore)",
"pod": {
"nodeName": "node1",
"containers": [
{
"requests": {
"cpu": "1000",
"memory": "2000"
}
},
{
"requests": {
"cpu": "2000",
"memory": "3000"
}
}
]
},
"nodes": [
{
"name": "node1",
"allocatable": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
},
"capacity": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
}
},
{
"name": "node2",
"allocatable": {
"pods": "32",
"cpu": "6000",
"memory": "10000"
},
"capacity": {
"pods": "32",
"cpu": "6000",
"memory": "10000"
}
}
],
"existingPods": [],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "memory",
"weight": 2
},
{
"name": "cpu",
"weight": 1
}
]
}
},
"expected": {
"node1": 41,
"node2": 50
},
"notes": "requestedPod has spec.nodeName=node1 in the test; irrelevant to Score"
},
{
"plugin": "NodeResourcesFit/LeastAllocated",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/least_allocated_test.go@008b3652959ca58af8be3fb5b6ecfe9ae7638282 (master, 2026)",
"test": "TestLeastAllocatedScoringStrategy",
"name": "bypass extended resource if the pod does not request",
"phase": "PreScore+Score (raw, no NormalizeScore)",
"pod": {
"nodeName": "node1",
"containers": [
{
"requests": {
"cpu": "1000",
"memory": "2000"
}
},
{
"requests": {
"cpu": "2000",
"memory": "3000"
}
}
]
},
"nodes": [
{
"name": "node1",
"allocatable": {
"pods": "32",
"cpu": "6000",
"memory": "10000"
},
"capacity": {
"pods": "32",
"cpu": "6000",
"memory": "10000"
}
},
{
"name": "node2",
"allocatable": {
"pods": "32",
"cpu": "6000",
"memory": "10000",
"abc.com/xyz": "4"
},
"capacity": {
"pods": "32",
"cpu": "6000",
"memory": "10000",
"abc.com/xyz": "4"
}
}
],
"existingPods": [],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
},
{
"name": "abc.com/xyz",
"weight": 1
}
]
}
},
"expected": {
"node1": 50,
"node2": 50
}
},
{
"plugin": "NodeResourcesFit/LeastAllocated",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/least_allocated_test.go@008b3652959ca58af8be3fb5b6ecfe9ae7638282 (master, 2026)",
"test": "TestLeastAllocatedScoringStrategy",
"name": "if the node doesn't have a resource",
"phase": "PreScore+Score (raw, no NormalizeScore)",
"pod": {
"nodeName": "node1",
"containers": [
{
"requests": {
"cpu": "3000",
"memory": "4000"
}
}
]
},
"nodes": [
{
"name": "node1",
"allocatable": {
"pods": "32",
"cpu": "6000",
"memory": "10000"
},
"capacity": {
"pods": "32",
"cpu": "6000",
"memory": "10000"
}
},
{
"name": "node2",
"allocatable": {
"pods": "32",
"cpu": "6000",
"memory": "10000",
"abc.com/xyz": "4"
},
"capacity": {
"pods": "32",
"cpu": "6000",
"memory": "10000",
"abc.com/xyz": "4"
}
}
],
"existingPods": [],
"args": {
"scoringStrategy": {
"type": "LeastAllocated",
"resources": [
{
"name": "abc.com/xyz",
"weight": 2
},
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"node1": 55,
"node2": 55
}
},
{
"plugin": "NodeResourcesFit/MostAllocated",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestFitScore",
"name": "test case for ScoringStrategy MostAllocated",
"phase": "PreScore+Score (raw)",
"pod": {
"containers": [
{
"requests": {
"cpu": "1000",
"memory": "2000"
}
}
]
},
"nodes": [
{
"name": "node1",
"allocatable": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
},
"capacity": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
}
},
{
"name": "node2",
"allocatable": {
"pods": "32",
"cpu": "6000",
"memory": "10000"
},
"capacity": {
"pods": "32",
"cpu": "6000",
"memory": "10000"
}
}
],
"existingPods": [
{
"nodeName": "node1",
"containers": [
{
"requests": {
"cpu": "2000",
"memory": "4000"
}
}
]
},
{
"nodeName": "node2",
"containers": [
{
"requests": {
"cpu": "1000",
"memory": "2000"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "MostAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"node1": 67,
"node2": 36
}
},
{
"plugin": "NodeResourcesFit/MostAllocated",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/most_allocated_test.go@030880a5dc5449403c6d1f0aa146a7dc21d6c6dc",
"test": "TestMostAllocatedScoringStrategy",
"name": "nothing scheduled, nothing requested",
"phase": "PreScore+Score (raw, no NormalizeScore)",
"pod": {
"containers": []
},
"nodes": [
{
"name": "node1",
"allocatable": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
},
"capacity": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
}
},
{
"name": "node2",
"allocatable": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
},
"capacity": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
}
}
],
"existingPods": [],
"args": {
"scoringStrategy": {
"type": "MostAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"node1": 0,
"node2": 0
}
},
{
"plugin": "NodeResourcesFit/MostAllocated",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/most_allocated_test.go@030880a5dc5449403c6d1f0aa146a7dc21d6c6dc",
"test": "TestMostAllocatedScoringStrategy",
"name": "no resources requested, pods scheduled with resources",
"phase": "PreScore+Score (raw, no NormalizeScore)",
"pod": {
"containers": []
},
"nodes": [
{
"name": "node1",
"allocatable": {
"pods": "32",
"cpu": "10000",
"memory": "20000"
},
"capacity": {
"pods": "32",
"cpu": "10000",
"memory": "20000"
}
},
{
"name": "node2",
"allocatable": {
"pods": "32",
"cpu": "10000",
"memory": "20000"
},
"capacity": {
"pods": "32",
"cpu": "10000",
"memory": "20000"
}
}
],
"existingPods": [
{
"nodeName": "node1",
"containers": [
{
"requests": {
"cpu": "3000",
"memory": "0"
}
}
]
},
{
"nodeName": "node1",
"containers": [
{
"requests": {
"cpu": "3000",
"memory": "0"
}
}
]
},
{
"nodeName": "node2",
"containers": [
{
"requests": {
"cpu": "3000",
"memory": "0"
}
}
]
},
{
"nodeName": "node2",
"containers": [
{
"requests": {
"cpu": "3000",
"memory": "5000"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "MostAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"node1": 30,
"node2": 42
}
},
{
"plugin": "NodeResourcesFit/MostAllocated",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/most_allocated_test.go@030880a5dc5449403c6d1f0aa146a7dc21d6c6dc",
"test": "TestMostAllocatedScoringStrategy",
"name": "resources requested, pods scheduled with resources",
"phase": "PreScore+Score (raw, no NormalizeScore)",
"pod": {
"containers": [
{
"requests": {
"cpu": "1000",
"memory": "2000"
}
},
{
"requests": {
"cpu": "2000",
"memory": "3000"
}
}
]
},
"nodes": [
{
"name": "node1",
"allocatable": {
"pods": "32",
"cpu": "10000",
"memory": "20000"
},
"capacity": {
"pods": "32",
"cpu": "10000",
"memory": "20000"
}
},
{
"name": "node2",
"allocatable": {
"pods": "32",
"cpu": "10000",
"memory": "20000"
},
"capacity": {
"pods": "32",
"cpu": "10000",
"memory": "20000"
}
}
],
"existingPods": [
{
"nodeName": "node1",
"containers": [
{
"requests": {
"cpu": "3000",
"memory": "0"
}
}
]
},
{
"nodeName": "node2",
"containers": [
{
"requests": {
"cpu": "3000",
"memory": "5000"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "MostAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"node1": 42,
"node2": 55
}
},
{
"plugin": "NodeResourcesFit/MostAllocated",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/most_allocated_test.go@030880a5dc5449403c6d1f0aa146a7dc21d6c6dc",
"test": "TestMostAllocatedScoringStrategy",
"name": "nothing scheduled, resources requested, differently sized nodes (weights memory=2, cpu=1)",
"phase": "PreScore+Score (raw, no NormalizeScore)",
"pod": {
"containers": [
{
"requests": {
"cpu": "1000",
"memory": "2000"
}
},
{
"requests": {
"cpu": "2000",
"memory": "3000"
}
}
]
},
"nodes": [
{
"name": "node1",
"allocatable": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
},
"capacity": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
}
},
{
"name": "node2",
"allocatable": {
"pods": "32",
"cpu": "6000",
"memory": "10000"
},
"capacity": {
"pods": "32",
"cpu": "6000",
"memory": "10000"
}
}
],
"existingPods": [],
"args": {
"scoringStrategy": {
"type": "MostAllocated",
"resources": [
{
"name": "memory",
"weight": 2
},
{
"name": "cpu",
"weight": 1
}
]
}
},
"expected": {
"node1": 58,
"node2": 50
},
"notes": "upstream test name is the same string as the 2nd case ('nothing scheduled, resources requested, differently sized nodes'); suffix added here for uniqueness"
},
{
"plugin": "NodeResourcesFit/MostAllocated",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/most_allocated_test.go@030880a5dc5449403c6d1f0aa146a7dc21d6c6dc",
"test": "TestMostAllocatedScoringStrategy",
"name": "no resources requested, pods scheduled, nonzero request for resource",
"phase": "PreScore+Score (raw, no NormalizeScore)",
"pod": {
"containers": [
{
"name": "con0",
"image": "container"
}
]
},
"nodes": [
{
"name": "node1",
"allocatable": {
"pods": "32",
"cpu": "250m",
"memory": "1000Mi"
},
"capacity": {
"pods": "32",
"cpu": "250m",
"memory": "1000Mi"
}
},
{
"name": "node2",
"allocatable": {
"pods": "32",
"cpu": "250m",
"memory": "1000Mi"
},
"capacity": {
"pods": "32",
"cpu": "250m",
"memory": "1000Mi"
}
}
],
"existingPods": [
{
"nodeName": "node1",
"containers": [
{
"name": "con0",
"image": "container"
}
]
},
{
"nodeName": "node1",
"containers": [
{
"name": "con0",
"image": "container"
}
]
}
],
"args": {
"scoringStrategy": {
"type": "MostAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"node1": 80,
"node2": 30
},
"notes": "containers exist but have no requests -> scheduler non-zero defaults apply (100m CPU, 200Mi = 209715200 bytes memory) to both the incoming pod and the node's NonZeroRequested; requested>capacity is clamped to capacity in MostAllocated"
},
{
"plugin": "NodeResourcesFit/MostAllocated",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/most_allocated_test.go@030880a5dc5449403c6d1f0aa146a7dc21d6c6dc",
"test": "TestMostAllocatedScoringStrategy",
"name": "honor extended resource if the pod request",
"phase": "PreScore+Score (raw, no NormalizeScore)",
"pod": {
"nodeName": "node1",
"containers": [
{
"requests": {
"cpu": "3000",
"memory": "5000",
"abc.com/xyz": "2"
}
}
]
},
"nodes": [
{
"name": "node1",
"allocatable": {
"pods": "32",
"cpu": "6000",
"memory": "10000",
"abc.com/xyz": "4"
},
"capacity": {
"pods": "32",
"cpu": "6000",
"memory": "10000",
"abc.com/xyz": "4"
}
},
{
"name": "node2",
"allocatable": {
"pods": "32",
"cpu": "6000",
"memory": "10000",
"abc.com/xyz": "10"
},
"capacity": {
"pods": "32",
"cpu": "6000",
"memory": "10000",
"abc.com/xyz": "10"
}
}
],
"existingPods": [],
"args": {
"scoringStrategy": {
"type": "MostAllocated",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
},
{
"name": "abc.com/xyz",
"weight": 1
}
]
}
},
"expected": {
"node1": 50,
"node2": 40
}
},
{
"plugin": "NodeResourcesFit/MostAllocated",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/most_allocated_test.go@030880a5dc5449403c6d1f0aa146a7dc21d6c6dc",
"test": "TestMostAllocatedScoringStrategy",
"name": "if the node doesn't have a resource",
"phase": "PreScore+Score (raw, no NormalizeScore)",
"pod": {
"nodeName": "node1",
"containers": [
{
"requests": {
"cpu": "3000",
"memory": "4000"
}
}
]
},
"nodes": [
{
"name": "node1",
"allocatable": {
"pods": "32",
"cpu": "6000",
"memory": "10000"
},
"capacity": {
"pods": "32",
"cpu": "6000",
"memory": "10000"
}
},
{
"name": "node2",
"allocatable": {
"pods": "32",
"cpu": "6000",
"memory": "10000",
"abc.com/xyz": "4"
},
"capacity": {
"pods": "32",
"cpu": "6000",
"memory": "10000",
"abc.com/xyz": "4"
}
}
],
"existingPods": [],
"args": {
"scoringStrategy": {
"type": "MostAllocated",
"resources": [
{
"name": "abc.com/xyz",
"weight": 2
},
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
]
}
},
"expected": {
"node1": 45,
"node2": 45
}
},
{
"plugin": "NodeResourcesFit/RequestedToCapacityRatio",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (newest version, uses fwk/ktesting/synctest, >=v1.35; commit not recorded)",
"test": "TestFitScore",
"name": "test case for ScoringStrategy RequestedToCapacityRatio case1",
"phase": "PreScore+Score (raw)",
"pod": {
"containers": [
{
"requests": {
"cpu": "3000",
"memory": "5000"
}
}
]
},
"nodes": [
{
"name": "node1",
"allocatable": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
},
"capacity": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
}
},
{
"name": "node2",
"allocatable": {
"pods": "32",
"cpu": "6000",
"memory": "10000"
},
"capacity": {
"pods": "32",
"cpu": "6000",
"memory": "10000"
}
}
],
"existingPods": [
{
"nodeName": "node1",
"containers": [
{
"requests": {
"cpu": "2000",
"memory": "4000"
}
}
]
},
{
"nodeName": "node2",
"containers": [
{
"requests": {
"cpu": "1000",
"memory": "2000"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "RequestedToCapacityRatio",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
],
"requestedToCapacityRatio": {
"shape": [
{
"utilization": 0,
"score": 10
},
{
"utilization": 100,
"score": 0
}
]
}
}
},
"expected": {
"node1": 10,
"node2": 32
}
},
{
"plugin": "NodeResourcesFit/RequestedToCapacityRatio",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/requested_to_capacity_ratio_test.go@00b9ead02c37921011ebe5293558cea5277cd295",
"test": "TestRequestedToCapacityRatioScoringStrategy",
"name": "nothing scheduled, nothing requested (default - least requested nodes have priority)",
"phase": "Score (raw; PreScore not called in this test version)",
"pod": {
"containers": []
},
"nodes": [
{
"name": "node1",
"allocatable": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
},
"capacity": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
}
},
{
"name": "node2",
"allocatable": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
},
"capacity": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
}
}
],
"existingPods": [
{
"nodeName": "node1",
"containers": []
},
{
"nodeName": "node1",
"containers": []
}
],
"args": {
"scoringStrategy": {
"type": "RequestedToCapacityRatio",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
],
"requestedToCapacityRatio": {
"shape": [
{
"utilization": 0,
"score": 10
},
{
"utilization": 100,
"score": 0
}
]
}
}
},
"expected": {
"node1": 100,
"node2": 100
}
},
{
"plugin": "NodeResourcesFit/RequestedToCapacityRatio",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/requested_to_capacity_ratio_test.go@00b9ead02c37921011ebe5293558cea5277cd295",
"test": "TestRequestedToCapacityRatioScoringStrategy",
"name": "no resources requested, pods scheduled with resources (default - least requested nodes have priority)",
"phase": "Score (raw; PreScore not called in this test version)",
"pod": {
"containers": []
},
"nodes": [
{
"name": "node1",
"allocatable": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
},
"capacity": {
"pods": "32",
"cpu": "4000",
"memory": "10000"
}
},
{
"name": "node2",
"allocatable": {
"pods": "32",
"cpu": "6000",
"memory": "10000"
},
"capacity": {
"pods": "32",
"cpu": "6000",
"memory": "10000"
}
}
],
"existingPods": [
{
"nodeName": "node1",
"containers": [
{
"requests": {
"cpu": "3000",
"memory": "5000"
}
}
]
},
{
"nodeName": "node2",
"containers": [
{
"requests": {
"cpu": "3000",
"memory": "5000"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "RequestedToCapacityRatio",
"resources": [
{
"name": "cpu",
"weight": 1
},
{
"name": "memory",
"weight": 1
}
],
"requestedToCapacityRatio": {
"shape": [
{
"utilization": 0,
"score": 10
},
{
"utilization": 100,
"score": 0
}
]
}
}
},
"expected": {
"node1": 38,
"node2": 50
}
},
{
"plugin": "NodeResourcesFit/RequestedToCapacityRatio",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/requested_to_capacity_ratio_test.go@00b9ead02c37921011ebe5293558cea5277cd295",
"test": "TestResourceBinPackingSingleExtended",
"name": "nothing scheduled, nothing requested",
"phase": "Score (raw; PreScore not called in this test version)",
"pod": {
"containers": []
},
"nodes": [
{
"name": "node1",
"allocatable": {
"cpu": "4000m",
"memory": "10485760000",
"intel.com/foo": "8"
},
"capacity": {
"cpu": "4000m",
"memory": "10485760000",
"intel.com/foo": "8"
}
},
{
"name": "node2",
"allocatable": {
"cpu": "4000m",
"memory": "10485760000",
"intel.com/foo": "4"
},
"capacity": {
"cpu": "4000m",
"memory": "10485760000",
"intel.com/foo": "4"
}
}
],
"existingPods": [],
"args": {
"scoringStrategy": {
"type": "RequestedToCapacityRatio",
"resources": [
{
"name": "intel.com/foo",
"weight": 1
}
],
"requestedToCapacityRatio": {
"shape": [
{
"utilization": 0,
"score": 0
},
{
"utilization": 100,
"score": 1
}
]
}
}
},
"expected": {
"node1": 0,
"node2": 0
}
},
{
"plugin": "NodeResourcesFit/RequestedToCapacityRatio",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/requested_to_capacity_ratio_test.go@00b9ead02c37921011ebe5293558cea5277cd295",
"test": "TestResourceBinPackingSingleExtended",
"name": "resources requested, pods scheduled with resources, on node with existing pod running ",
"phase": "Score (raw; PreScore not called in this test version)",
"pod": {
"containers": [
{
"requests": {
"intel.com/foo": "2"
}
}
]
},
"nodes": [
{
"name": "node1",
"allocatable": {
"cpu": "4000m",
"memory": "10485760000",
"intel.com/foo": "8"
},
"capacity": {
"cpu": "4000m",
"memory": "10485760000",
"intel.com/foo": "8"
}
},
{
"name": "node2",
"allocatable": {
"cpu": "4000m",
"memory": "10485760000",
"intel.com/foo": "4"
},
"capacity": {
"cpu": "4000m",
"memory": "10485760000",
"intel.com/foo": "4"
}
}
],
"existingPods": [
{
"nodeName": "node2",
"containers": [
{
"requests": {
"intel.com/foo": "2"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "RequestedToCapacityRatio",
"resources": [
{
"name": "intel.com/foo",
"weight": 1
}
],
"requestedToCapacityRatio": {
"shape": [
{
"utilization": 0,
"score": 0
},
{
"utilization": 100,
"score": 1
}
]
}
}
},
"expected": {
"node1": 2,
"node2": 10
},
"notes": "upstream name has a trailing space"
},
{
"plugin": "NodeResourcesFit/RequestedToCapacityRatio",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/requested_to_capacity_ratio_test.go@00b9ead02c37921011ebe5293558cea5277cd295",
"test": "TestResourceBinPackingSingleExtended",
"name": "resources requested, pods scheduled with more resources",
"phase": "Score (raw; PreScore not called in this test version)",
"pod": {
"containers": [
{
"requests": {
"intel.com/foo": "4"
}
}
]
},
"nodes": [
{
"name": "node1",
"allocatable": {
"cpu": "4000m",
"memory": "10485760000",
"intel.com/foo": "8"
},
"capacity": {
"cpu": "4000m",
"memory": "10485760000",
"intel.com/foo": "8"
}
},
{
"name": "node2",
"allocatable": {
"cpu": "4000m",
"memory": "10485760000",
"intel.com/foo": "4"
},
"capacity": {
"cpu": "4000m",
"memory": "10485760000",
"intel.com/foo": "4"
}
}
],
"existingPods": [
{
"containers": []
}
],
"args": {
"scoringStrategy": {
"type": "RequestedToCapacityRatio",
"resources": [
{
"name": "intel.com/foo",
"weight": 1
}
],
"requestedToCapacityRatio": {
"shape": [
{
"utilization": 0,
"score": 0
},
{
"utilization": 100,
"score": 1
}
]
}
}
},
"expected": {
"node1": 5,
"node2": 10
}
},
{
"plugin": "NodeResourcesFit/RequestedToCapacityRatio",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/requested_to_capacity_ratio_test.go@00b9ead02c37921011ebe5293558cea5277cd295",
"test": "TestResourceBinPackingMultipleExtended",
"name": "resources requested, pods scheduled with less resources",
"phase": "Score (raw; PreScore not called in this test version)",
"pod": {
"containers": [
{
"requests": {
"intel.com/foo": "2",
"intel.com/bar": "2"
}
}
]
},
"nodes": [
{
"name": "node1",
"allocatable": {
"cpu": "4000m",
"memory": "10485760000",
"intel.com/foo": "8",
"intel.com/bar": "4"
},
"capacity": {
"cpu": "4000m",
"memory": "10485760000",
"intel.com/foo": "8",
"intel.com/bar": "4"
}
},
{
"name": "node2",
"allocatable": {
"cpu": "4000m",
"memory": "10485760000",
"intel.com/foo": "4",
"intel.com/bar": "8"
},
"capacity": {
"cpu": "4000m",
"memory": "10485760000",
"intel.com/foo": "4",
"intel.com/bar": "8"
}
}
],
"existingPods": [
{
"containers": []
}
],
"args": {
"scoringStrategy": {
"type": "RequestedToCapacityRatio",
"resources": [
{
"name": "intel.com/foo",
"weight": 3
},
{
"name": "intel.com/bar",
"weight": 5
}
],
"requestedToCapacityRatio": {
"shape": [
{
"utilization": 0,
"score": 0
},
{
"utilization": 100,
"score": 1
}
]
}
}
},
"expected": {
"node1": 4,
"node2": 3
}
},
{
"plugin": "NodeResourcesFit/RequestedToCapacityRatio",
"upstream_plugin": "NodeResourcesFit",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/requested_to_capacity_ratio_test.go@00b9ead02c37921011ebe5293558cea5277cd295",
"test": "TestResourceBinPackingMultipleExtended",
"name": "resources requested, pods scheduled with resources, on node with existing pod running ",
"phase": "Score (raw; PreScore not called in this test version)",
"pod": {
"containers": [
{
"requests": {
"intel.com/foo": "2",
"intel.com/bar": "2"
}
}
]
},
"nodes": [
{
"name": "node1",
"allocatable": {
"cpu": "4000m",
"memory": "10485760000",
"intel.com/foo": "8",
"intel.com/bar": "4"
},
"capacity": {
"cpu": "4000m",
"memory": "10485760000",
"intel.com/foo": "8",
"intel.com/bar": "4"
}
},
{
"name": "node2",
"allocatable": {
"cpu": "4000m",
"memory": "10485760000",
"intel.com/foo": "4",
"intel.com/bar": "8"
},
"capacity": {
"cpu": "4000m",
"memory": "10485760000",
"intel.com/foo": "4",
"intel.com/bar": "8"
}
}
],
"existingPods": [
{
"nodeName": "node2",
"containers": [
{
"requests": {
"intel.com/foo": "4",
"intel.com/bar": "2"
}
}
]
}
],
"args": {
"scoringStrategy": {
"type": "RequestedToCapacityRatio",
"resources": [
{
"name": "intel.com/foo",
"weight": 3
},
{
"name": "intel.com/bar",
"weight": 5
}
],
"requestedToCapacityRatio": {
"shape": [
{
"utilization": 0,
"score": 0
},
{
"utilization": 100,
"score": 1
}
]
}
}
},
"expected": {
"node1": 4,
"node2": 7
},
"notes": "upstream name has a trailing space"
}
]
"""#

  static let helperText = #"""
[
{
"function": "helper.BuildBrokenLinearFunction",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/requested_to_capacity_ratio_test.go@00b9ead02c37921011ebe5293558cea5277cd295",
"test": "TestBrokenLinearFunction",
"name": "case_0",
"points_utilization_score": [
[
10,
1
],
[
90,
9
]
],
"assertions_p_expected": [
[
-10,
1
],
[
0,
1
],
[
9,
1
],
[
10,
1
],
[
15,
1
],
[
19,
1
],
[
20,
2
],
[
89,
8
],
[
90,
9
],
[
99,
9
],
[
100,
9
],
[
110,
9
]
],
"notes": "f(p)=shape[0].score for p<=shape[0].util; shape[i-1].score + (shape[i].score-shape[i-1].score)*(p-shape[i-1].util)/(shape[i].util-shape[i-1].util) with Go int64 division (truncates toward zero); shape[n-1].score beyond the last point"
},
{
"function": "helper.BuildBrokenLinearFunction",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/requested_to_capacity_ratio_test.go@00b9ead02c37921011ebe5293558cea5277cd295",
"test": "TestBrokenLinearFunction",
"name": "case_1",
"points_utilization_score": [
[
0,
2
],
[
40,
10
],
[
100,
0
]
],
"assertions_p_expected": [
[
-10,
2
],
[
0,
2
],
[
20,
6
],
[
30,
8
],
[
40,
10
],
[
70,
5
],
[
100,
0
],
[
110,
0
]
],
"notes": "f(p)=shape[0].score for p<=shape[0].util; shape[i-1].score + (shape[i].score-shape[i-1].score)*(p-shape[i-1].util)/(shape[i].util-shape[i-1].util) with Go int64 division (truncates toward zero); shape[n-1].score beyond the last point"
},
{
"function": "helper.BuildBrokenLinearFunction",
"source": "kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/requested_to_capacity_ratio_test.go@00b9ead02c37921011ebe5293558cea5277cd295",
"test": "TestBrokenLinearFunction",
"name": "case_2",
"points_utilization_score": [
[
0,
2
],
[
40,
2
],
[
100,
2
]
],
"assertions_p_expected": [
[
-10,
2
],
[
0,
2
],
[
20,
2
],
[
30,
2
],
[
40,
2
],
[
70,
2
],
[
100,
2
],
[
110,
2
]
],
"notes": "f(p)=shape[0].score for p<=shape[0].util; shape[i-1].score + (shape[i].score-shape[i-1].score)*(p-shape[i-1].util)/(shape[i].util-shape[i-1].util) with Go int64 division (truncates toward zero); shape[n-1].score beyond the last point"
}
]
"""#
}
