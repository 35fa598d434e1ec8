#!/usr/bin/env python3
"""Writes Sources/Store/Records/RecordDictionaries.swift: one preset DEFLATE dictionary per log
format, made of real records of that format (demo-data/ and the public fixtures), SMB records
last (DEFLATE reaches the end of a dictionary most cheaply). Run from the package root.

A dictionary is part of the stored format: records compressed against it can only be read with
the same bytes. Never change a shipped one; add a new id instead (RecordDictionary.swift)."""
import json

LIMIT = 3300  # the 4 KiB window less DEFLATE's look-ahead and a record's own length
PUBLIC = "Tests/IngestTests/Formats/Fixtures/public"


def lines(path, keep=lambda line: True):
    with open(path, encoding="utf-8") as handle:
        return [line.rstrip("\n") for line in handle if line.strip() and not line.startswith("#") and keep(line)]


def pcap_document():
    return ('{"@timestamp":"2026-11-30T07:40:15.584863000Z","capture":{"first_packet":1},'
            '"destination":{"bytes":4556683,"ip":"10.10.0.5","packets":3706,"port":445},'
            '"event":{"action":"network_flow","category":["network"],"dataset":"network_traffic.flow",'
            '"duration":434701000000,"end":"2026-11-30T07:40:15.584863000Z","kind":"event",'
            '"start":"2026-11-30T07:33:00.883863000Z","state":"SF","type":["connection","end"]},'
            '"flow":{"final":true,"id":"EQIA/////wD/////AAAA"},'
            '"network":{"community_id":"1:LQU9qZlK+B5F3KDmev6m5PMibrg=","transport":"tcp","type":"ipv4"},'
            '"source":{"bytes":1729992,"ip":"10.20.3.53","packets":2655,"port":50829}}')


SOURCES = {
    "ecs": lines("demo-data/elastic-agent/network_traffic.ndjson")[:2]
           + lines("demo-data/packetbeat/flows.ndjson", lambda l: '"port":445' in l)[:3],
    "zeek-tsv": lines(f"{PUBLIC}/otrf-apt29-day1-zeek/NASHUA_conn.log")[:6]
                + lines(f"{PUBLIC}/otrf-apt29-day1-zeek/NASHUA_smb_mapping.log")[:2]
                + lines("demo-data/zeek/conn.log", lambda l: "\t445\t" in l)[:6],
    "zeek-json": lines("demo-data/zeek-json/smb_mapping.json")[:2]
                 + lines("demo-data/zeek-json/conn.json", lambda l: ":445," in l)[:6],
    "suricata": lines("demo-data/suricata/eve.json", lambda l: '"event_type":"smb"' in l)[:2]
                + lines("demo-data/suricata/eve.json", lambda l: '"event_type":"flow"' in l)[:3],
    "panos": lines("demo-data/panos/traffic.log")[:8],
    "sysmon": lines("demo-data/sysmon/winlogbeat.ndjson")[:1] + lines("demo-data/sysmon/nxlog.json")[:1],
    "pcap": [pcap_document()],
}


def dictionary(records):
    text = ""
    for record in reversed(records):
        candidate = record + "\n" + text
        if len(candidate.encode()) > LIMIT:
            break
        text = candidate
    if not text:  # a record longer than the limit: its tail
        text = records[-1].encode()[-LIMIT:].decode("utf-8", "ignore")
    return text


def swift_literal(text):
    escaped = json.dumps(text, ensure_ascii=True)[1:-1].replace("\\/", "/")
    escaped = escaped.replace("\\u", "\\u{").replace("\\t", "\\t")
    out, index = [], 0
    while index < len(escaped):
        if escaped.startswith("\\u{", index):
            out.append("\\u{" + escaped[index + 3:index + 7] + "}")
            index += 7
        else:
            out.append(escaped[index])
            index += 1
    return "".join(out)


body = []
for name, records in SOURCES.items():
    text = dictionary(records)
    chunks = [text[i:i + 96] for i in range(0, len(text), 96)]
    literal = "\n".join(f'        "{swift_literal(chunk)}",' for chunk in chunks)
    body.append(f'    /// {len(text.encode())} bytes of real `{name}` records.\n'
                f'    static let {name.replace("-", "_").replace("zeek_tsv", "zeekTSV").replace("zeek_json", "zeekJSON")} = [\n{literal}\n    ].joined()\n')

with open("Sources/Store/Records/RecordDictionaries.swift", "w", encoding="utf-8") as out:
    out.write("// Written by Tools/RecordDictionaries/make-record-dictionaries.py: do not edit; never change a\n"
              "// shipped dictionary (records compressed against it read only with the same bytes).\n\n"
              "/// The preset DEFLATE dictionaries of `RecordDictionary`, one per log format: real records of\n"
              "/// that format from demo-data/ and the public fixtures, SMB records last.\n"
              "enum RecordDictionaries {\n" + "\n".join(body) + "}\n")
