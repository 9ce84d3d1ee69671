#!/usr/bin/env python3
"""Sanity check for the bundled sample event files.

Usage: python3 samples/events/check_events.py [path/to/MediaServices.json]

* every file is a JSON array of events in its envelope (Event Grid or CloudEvents 1.0)
* every id is a GUID and unique across all files
* event times parse (with or without 'Z', or with an offset) and never go backwards within a file
* the data of every known Microsoft.Media event matches the swagger definition, except for the
  deliberate deviations listed in TOLERATED
* all 25 known Media Services event types appear across the eventgrid-*.json files
* prints the count of each event type per file
"""
import collections
import datetime
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent
SCHEMA_CANDIDATES = [REPO / "schemas" / "MediaServices.json", pathlib.Path("/work/shared/schemas/MediaServices.json")]

KNOWN_TYPES = [
    "JobStateChange", "JobScheduled", "JobProcessing", "JobCanceling", "JobFinished", "JobCanceled", "JobErrored",
    "JobOutputStateChange", "JobOutputScheduled", "JobOutputProcessing", "JobOutputCanceling", "JobOutputFinished",
    "JobOutputCanceled", "JobOutputErrored", "JobOutputProgress",
    "LiveEventConnectionRejected", "LiveEventEncoderConnected", "LiveEventEncoderDisconnected",
    "LiveEventIncomingDataChunkDropped", "LiveEventIncomingStreamReceived", "LiveEventIncomingStreamsOutOfSync",
    "LiveEventIncomingVideoStreamsOutOfSync", "LiveEventIngestHeartbeat", "LiveEventTrackDiscontinuityDetected",
    "LiveEventChannelArchiveHeartbeat",
]
KNOWN = {"Microsoft.Media." + t: "Media" + t + "EventData" for t in KNOWN_TYPES}

# (file, eventType, json path, kind) -- deliberate deviations from the spec that the reader must tolerate.
TOLERATED = {
    ("eventgrid-live.json", "Microsoft.Media.LiveEventConnectionRejected", "data.encoderPort", "number-for-string"),
    ("eventgrid-live.json", "Microsoft.Media.LiveEventIncomingDataChunkDropped", "data.timestamp", "number-for-string"),
    ("eventgrid-live.json", "Microsoft.Media.LiveEventIncomingDataChunkDropped", "data.timescale", "number-for-string"),
    ("eventgrid-unknown.json", "Microsoft.Media.JobStateChange", "data.jobPriority", "undefined-member"),
    ("eventgrid-unknown.json", "Microsoft.Media.JobStateChange", "data.state", "unlisted-enum-value"),
}

EG_FIELDS = ["id", "topic", "subject", "eventType", "eventTime", "data", "dataVersion", "metadataVersion"]
CE_FIELDS = ["specversion", "type", "source", "id", "time", "data"]
GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
TIME = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,7}))?(Z|[+-]\d\d:\d\d)?$")


def parse_time(s):
    m = TIME.match(s)
    if not m:
        raise ValueError(f"unparseable time {s!r}")
    base, frac, zone = m.groups()
    frac = (frac or "0")[:6].ljust(6, "0")
    zone = "+00:00" if zone in (None, "Z") else zone  # no zone: the service means UTC
    return datetime.datetime.fromisoformat(f"{base}.{frac}{zone}")


class Validator:
    def __init__(self, definitions):
        self.defs = definitions

    def props(self, name):
        """Properties and required list of a definition, following allOf."""
        d = self.defs[name]
        props, required = {}, list(d.get("required", []))
        for parent in d.get("allOf", []):
            p, r = self.props(parent["$ref"].split("/")[-1])
            props.update(p)
            required += r
        props.update(d.get("properties", {}))
        return props, required

    def derived(self, base, disc_value):
        for name, d in self.defs.items():
            if d.get("x-ms-discriminator-value") == disc_value and any(
                    a.get("$ref", "").endswith("/" + base) for a in d.get("allOf", [])):
                return name
        return None

    def check(self, value, schema, path, out):
        if "$ref" in schema:
            self.check_object(value, schema["$ref"].split("/")[-1], path, out)
            return
        t = schema.get("type")
        if value is None:
            return  # the service sends null for absent values (e.g. "error": null)
        if t == "string":
            if not isinstance(value, str):
                out.append((path, "number-for-string" if isinstance(value, (int, float)) else "wrong-type"))
            elif "enum" in schema and value not in schema["enum"]:
                out.append((path, "unlisted-enum-value"))
        elif t == "integer":
            if not isinstance(value, int) or isinstance(value, bool):
                out.append((path, "wrong-type"))
        elif t == "boolean":
            if not isinstance(value, bool):
                out.append((path, "wrong-type"))
        elif t == "array":
            if not isinstance(value, list):
                out.append((path, "wrong-type"))
            else:
                for i, item in enumerate(value):
                    self.check(item, schema["items"], f"{path}[{i}]", out)
        elif t == "object":
            if not isinstance(value, dict):
                out.append((path, "wrong-type"))
            elif "additionalProperties" in schema:
                for k, v in value.items():
                    self.check(v, schema["additionalProperties"], f"{path}.{k}", out)

    def check_object(self, value, name, path, out):
        if value is None:
            return
        if not isinstance(value, dict):
            out.append((path, "wrong-type"))
            return
        disc = self.defs[name].get("discriminator")
        if disc and disc in value:
            sub = self.derived(name, value[disc])
            if sub is None:
                out.append((f"{path}.{disc}", "unknown-discriminator"))
            else:
                name = sub
        props, required = self.props(name)
        for r in required:
            if r not in value:
                out.append((f"{path}.{r}", "missing-required"))
        for k, v in value.items():
            if k not in props:
                out.append((f"{path}.{k}", "undefined-member"))
            else:
                self.check(v, props[k], f"{path}.{k}", out)


def main():
    schema_path = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else next(
        (p for p in SCHEMA_CANDIDATES if p.exists()), None)
    if schema_path is None:
        sys.exit("MediaServices.json not found; pass its path as the first argument")
    definitions = json.loads(schema_path.read_text(encoding="utf-8"))["definitions"]
    missing_defs = [d for d in KNOWN.values() if d not in definitions]
    assert not missing_defs, f"definitions missing from swagger: {missing_defs}"
    validator = Validator(definitions)

    problems, tolerated_seen = [], set()
    ids = collections.Counter()
    eg_types = set()
    files = sorted(HERE.glob("*.json"))
    for f in files:
        raw = f.read_bytes()
        if raw.startswith(b"\xef\xbb\xbf"):
            problems.append(f"{f.name}: has a UTF-8 BOM")
        events = json.loads(raw.decode("utf-8"))
        if not isinstance(events, list) or not events:
            problems.append(f"{f.name}: not a non-empty JSON array")
            continue
        cloud = f.name.startswith("cloudevents")
        type_key, time_key = ("type", "time") if cloud else ("eventType", "eventTime")
        counts = collections.Counter()
        last = None
        for i, e in enumerate(events):
            where = f"{f.name}[{i}]"
            for field in CE_FIELDS if cloud else EG_FIELDS:
                if field not in e:
                    problems.append(f"{where}: missing {field}")
            if cloud and e.get("specversion") != "1.0":
                problems.append(f"{where}: specversion is not 1.0")
            if cloud and "datacontenttype" in e and e["datacontenttype"] != "application/json":
                problems.append(f"{where}: unexpected datacontenttype")
            etype = e.get(type_key)
            counts[etype] += 1
            if not cloud:
                eg_types.add(etype)
            eid = e.get("id", "")
            ids[eid] += 1
            if not GUID.match(eid):
                problems.append(f"{where}: id {eid!r} is not a lowercase GUID")
            try:
                t = parse_time(e[time_key])
                if last is not None and t < last:
                    problems.append(f"{where}: {time_key} goes backwards")
                last = t
            except (KeyError, ValueError) as ex:
                problems.append(f"{where}: {ex}")
            if etype in KNOWN:
                deviations = []
                validator.check_object(e.get("data"), KNOWN[etype], "data", deviations)
                for path, kind in deviations:
                    key = (f.name, etype, path, kind)
                    if key in TOLERATED:
                        tolerated_seen.add(key)
                    else:
                        problems.append(f"{where} {etype}: {path} {kind}")
        print(f"{f.name}: {len(events)} events, {len(counts)} types")
        for etype, n in sorted(counts.items()):
            print(f"  {n:2}  {etype}{'' if etype in KNOWN else '   (not a known Media Services type)'}")

    for eid, n in ids.items():
        if n > 1:
            problems.append(f"id {eid} used {n} times")
    missing = sorted(set(KNOWN) - eg_types)
    if missing:
        problems.append(f"known types missing from the Event Grid files: {missing}")
    for key in sorted(TOLERATED - tolerated_seen):
        problems.append(f"deliberate deviation not present any more: {key}")

    print(f"\n{len(ids)} distinct ids; {len(set(KNOWN) & eg_types)}/{len(KNOWN)} known types in the Event Grid files; "
          f"{len(tolerated_seen)} deliberate deviations tolerated")
    if problems:
        print("\nPROBLEMS:")
        for p in problems:
            print("  " + p)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
