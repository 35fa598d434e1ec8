/// ECS documents in the shapes producers write, written for these tests after the public
/// examples (Packetbeat's flow docs, the Agent network_traffic.flow sample event, Elasticsearch
/// search hits and exports).
enum ECSFixtures {
    /// Packetbeat 8 flow: nested, `event.category` array, final report.
    static let packetbeat8 = #"{"@timestamp":"2026-11-30T10:15:20.123Z","agent":{"type":"packetbeat","version":"8.15.0"},"ecs":{"version":"8.0.0"},"event":{"dataset":"flow","kind":"event","category":["network"],"type":["connection","end"],"action":"network_flow","start":"2026-11-30T10:14:50.000Z","end":"2026-11-30T10:15:19.500Z","duration":29500000000},"flow":{"id":"EQIA////DP//////FP8BAAEAUFZHk2OXUFZHk2OY","final":true},"source":{"ip":"10.1.2.3","port":52345,"bytes":1234,"packets":10,"mac":"00-50-56-47-93-63"},"destination":{"ip":"52.1.2.3","port":445,"bytes":5678,"packets":12},"network":{"type":"ipv4","transport":"tcp","bytes":6912,"packets":22,"community_id":"1:abcd"},"host":{"name":"sensor-01"},"type":"flow"}"#

    /// Packetbeat 7 flow: the same shape with ECS 1.x, an intermediate report (`final: false`).
    static let packetbeat7Intermediate = #"{"@timestamp":"2020-03-01T08:00:10.000Z","ecs":{"version":"1.4.0"},"event":{"dataset":"flow","kind":"event","category":["network_traffic","network"],"type":["connection"],"action":"network_flow","duration":10000000000},"flow":{"id":"QAT/////AP//////CP8AAAEKAQID","final":false},"source":{"ip":"192.168.1.20","port":49700,"bytes":100,"packets":2},"destination":{"ip":"203.0.113.7","port":139,"bytes":60,"packets":1},"network":{"transport":"tcp"},"type":"flow"}"#

    /// Agent network_traffic.flow after the ECS compatibility pipeline: `network_traffic.flow.id`,
    /// IPv6 loopback.
    static let agentFlow = #"{"@timestamp":"2023-01-12T09:40:01.000Z","data_stream":{"dataset":"network_traffic.flow","namespace":"default","type":"logs"},"event":{"dataset":"network_traffic.flow","category":["network"],"type":["connection"],"kind":"event","action":"network_flow"},"network_traffic":{"flow":{"id":"FQQA/wz/////////////AAB/","final":true}},"source":{"ip":"::1","port":59560,"bytes":232,"packets":2},"destination":{"ip":"::1","port":445,"bytes":116,"packets":1},"network":{"type":"ipv6","transport":"tcp"}}"#

    /// A Kibana / fields-API export: flat dotted keys, numbers as strings.
    static let dottedExport = #"{"@timestamp":"1700000000123","event.dataset":"network_traffic.flow","event.category":"network","source.ip":"172.16.5.4","source.port":"50000","destination.ip":"198.51.100.9","destination.port":"445","network.transport":"TCP","source.bytes":"42","flow.final":"true"}"#

    /// An Elasticsearch search hit (`elasticdump`, `_search` output) around a mixed nested/dotted doc.
    static let searchHit = #"{"_index":"packetbeat-8.15.0","_id":"a1","_score":1.0,"_source":{"@timestamp":"2026-11-30T10:15:20Z","event":{"dataset":"flow","category":["network"]},"source.ip":"10.9.8.7","source":{"port":50123},"destination":{"ip":"8.8.8.8","port":445},"network.transport":"tcp","flow":{"id":"abc"}}}"#

    /// Early Packetbeat 7 transaction events wrote `event.category` as the string `network_traffic`.
    static let categoryString = #"{"@timestamp":"2019-06-01T00:00:00Z","event":{"dataset":"flow","category":"network_traffic"},"source":{"ip":"10.0.0.1","port":40000},"destination":{"ip":"1.1.1.1","port":445},"network":{"transport":"tcp"}}"#

    /// A tunnelled flow: outer and inner addresses in `source.ip` / `destination.ip` arrays.
    static let tunnel = #"{"event":{"dataset":"flow","category":["network"]},"source":{"ip":["10.0.0.8","192.168.0.8"],"port":50505},"destination":{"ip":["20.0.0.9","52.0.0.9"],"port":445},"network":{"transport":"tcp"}}"#

    /// An ECS endpoint-style network event with process, user and host fields.
    static let endpoint = #"{"@timestamp":"2026-11-30T10:00:00+01:00","event":{"category":["network"],"type":["start","connection"],"action":"Network connection","code":3,"module":"sysmon","outcome":"success"},"source":{"ip":"10.0.0.20","port":51000,"domain":"ws-20.corp.example"},"destination":{"ip":"93.184.216.34","port":445,"domain":"files.example"},"network":{"transport":"tcp","protocol":"microsoft-ds","direction":"egress"},"process":{"executable":"C:\\Windows\\System32\\svchost.exe","pid":4242},"user":{"name":"alice","domain":"CORP"},"host":{"name":"WS-20"}}"#
}
