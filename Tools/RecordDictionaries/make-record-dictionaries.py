#!/usr/bin/env python3
"""Writes Sources/Store/Records/RecordDictionaries.swift: one zstd dictionary per log format,
trained (`zstd --train`, 8 KiB) on real records of that format from demo-data/ and the public
fixtures; a format with too few records for training gets its records as a raw-content
dictionary instead. Run from the package root; needs the zstd command (Debian `zstd`).

A dictionary is part of the stored format: records compressed against it can only be read with
the same bytes. Never change a shipped one; add a new id instead (RecordDictionary.swift)."""
import base64
import glob
import subprocess
import tempfile

SIZE = 8192
PUBLIC = "Tests/IngestTests/Formats/Fixtures/public"


def lines(*patterns):
    found = []
    for pattern in patterns:
        for path in sorted(glob.glob(pattern)):
            with open(path, encoding="utf-8") as handle:
                found += [line.rstrip("\n") for line in handle if line.strip() and not line.startswith("#")]
    return found


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
    "ecs": lines("demo-data/packetbeat/*.ndjson", "demo-data/elastic-agent/*.ndjson"),
    "zeekTSV": lines("demo-data/zeek/*.log", f"{PUBLIC}/otrf-apt29-day1-zeek/*.log"),
    "zeekJSON": lines("demo-data/zeek-json/*.json"),
    "suricata": lines("demo-data/suricata/*.json"),
    "panos": lines("demo-data/panos/*.log"),
    "sysmon": lines("demo-data/sysmon/*.json", "demo-data/sysmon/*.ndjson", f"{PUBLIC}/otrf-sysmon-nxlog/*.json"),
    "pcap": [pcap_document()],
}


def trained(records):
    """The dictionary zstd trains on `records`; None when it cannot (too few records)."""
    with tempfile.TemporaryDirectory() as directory:
        for index, record in enumerate(records):
            with open(f"{directory}/{index}", "w", encoding="utf-8") as sample:
                sample.write(record)
        output = f"{directory}/dictionary"
        result = subprocess.run(["zstd", "-q", "--train", f"--maxdict={SIZE}", "-o", output]
                                + [f"{directory}/{index}" for index in range(len(records))],
                                capture_output=True)
        if result.returncode != 0:
            return None
        with open(output, "rb") as handle:
            return handle.read()


def raw_content(records):
    """The last records that fit in SIZE bytes, newest last (zstd reaches the end most cheaply)."""
    text = b""
    for record in reversed(records):
        candidate = record.encode() + b"\n" + text
        if len(candidate) > SIZE:
            break
        text = candidate
    return text or records[-1].encode()[-SIZE:]


body = []
for name, records in SOURCES.items():
    dictionary = (len(records) >= 100 and trained(records)) or raw_content(records)
    kind = "trained on" if dictionary.startswith(b"\x37\xa4\x30\xec") else "raw content of"
    encoded = base64.b64encode(dictionary).decode()
    chunks = "\n".join(f'        "{encoded[i:i + 96]}",' for i in range(0, len(encoded), 96))
    body.append(f"    /// {len(dictionary)} bytes, {kind} {len(records)} real `{name}` records (base64).\n"
                f"    static let {name} = [\n{chunks}\n    ].joined()\n")

with open("Sources/Store/Records/RecordDictionaries.swift", "w", encoding="utf-8") as out:
    out.write("// Written by Tools/RecordDictionaries/make-record-dictionaries.py: do not edit; never change a\n"
              "// shipped dictionary (records compressed against it read only with the same bytes).\n\n"
              "/// The zstd dictionaries of `RecordDictionary`, one per log format, made from real records of\n"
              "/// that format in demo-data/ and the public fixtures.\n"
              "enum RecordDictionaries {\n" + "\n".join(body) + "}\n")
