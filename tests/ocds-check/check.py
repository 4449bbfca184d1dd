"""Checks OCDS packages with the Open Contracting community's own tools, as an open-data portal would.

Every package is validated by lib-cove-ocds (the schema patched with the extensions the package declares, the
codelists, the additional checks). A record package's compiled releases are also compiled again from its releases
by ocdskit (OCDS Merge, with the same patched schema) and must come out the same.

Usage: check.py --cache DIR [--alias PUBLIC=LOCAL ...] PACKAGE.json ...
       check.py --imports      (whether the tools can be imported here)

Prints one JSON object per package with what the tools found, and exits 1 if any package has a finding, 3 if
something the tools need could be neither downloaded nor answered from the cache (then nothing is checked).

--cache keeps a copy of every file the tools download (the standard's schema and codelists, the extensions). When
a download fails for want of a network, the copy answers instead, so a machine that once had the files can check
offline. --alias answers the packages' own public address (the local extension's) from the API under test.
"""

import argparse
import hashlib
import io
import json
import os
import re
import sys
import tempfile
import warnings
from urllib.parse import quote, urlsplit

# The compiled dependencies of lib-cove's spreadsheet converter (BTrees, lxml, openpyxl...) come from Debian's
# packages, which only Debian's Python sees; appended last, so that this Python's own packages keep precedence.
DEBIAN_PACKAGES = "/usr/lib/python3/dist-packages"
if os.path.isdir(DEBIAN_PACKAGES):
    sys.path.append(DEBIAN_PACKAGES)

import requests  # noqa: E402
import urllib3  # noqa: E402
from requests.adapters import HTTPAdapter  # noqa: E402


# The packages whose warnings count as findings.
TOOLS = {"libcove", "libcoveocds", "ocdskit", "ocdsmerge", "ocdsextensionregistry"}

# The translations the releases carry: the tender's title (and description) in another language.
LANGUAGE_VARIANT = re.compile(r"^(title|description)_[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
TRANSLATED = re.compile(r"^/(records/)?(releases|compiledRelease)/tender$")

# A download that does not answer within this many seconds is taken as the network being away.
TIMEOUT = 30


def cache_path(cache, url):
    """Where the copy of a URL is kept: its host and path, readable; the query, if any, hashed."""
    parts = urlsplit(url)
    path = quote(parts.path.lstrip("/"), safe="/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    if parts.query:
        path += "-" + hashlib.sha256(parts.query.encode()).hexdigest()[:16]
    return os.path.join(cache, parts.hostname or "local", path)


# What could be neither downloaded nor answered from a copy: then nothing was checked (exit 3), rather than failed.
UNREACHABLE = []


def looks_like(url, body):
    """Only what the URL promises is kept (a sign-in page of a hotel's network answering for a schema is not)."""
    path = urlsplit(url).path
    if path.endswith(".json"):
        try:
            json.loads(body)
        except ValueError:
            return False
    return not (path.endswith(".zip") or "/zip/" in path) or body[:2] == b"PK"


def install_offline_copies(cache, aliases):
    """Routes every download of requests (which all these tools use) through the aliases and the cache."""
    send = HTTPAdapter.send

    def send_through_cache(adapter, request, **kwargs):
        original = request.url
        for public, local in aliases:
            if request.url.startswith(public):
                request.url = local + request.url[len(public):]
                # The public address is only a name here: its answer is never kept.
                return send(adapter, request, **kwargs)
        copy = cache_path(cache, original)
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = TIMEOUT
        try:
            response = send(adapter, request, **kwargs)
        except (requests.ConnectionError, requests.Timeout):
            if not os.path.isfile(copy):
                UNREACHABLE.append(original)
                raise
            with open(copy, "rb") as f:
                body = f.read()
            raw = urllib3.HTTPResponse(body=io.BytesIO(body), headers={"Content-Length": str(len(body))}, status=200,
                                       reason="OK", preload_content=False, decode_content=False, request_url=original)
            return adapter.build_response(request, raw)
        if response.status_code == 200 and request.method == "GET" and looks_like(original, response.content):
            os.makedirs(os.path.dirname(copy), exist_ok=True)
            part = f"{copy}.{os.getpid()}.part"
            with open(part, "wb") as f:
                f.write(response.content)
            os.replace(part, copy)
        return response

    HTTPAdapter.send = send_through_cache


def findings_of_lib_cove_ocds(package):
    import libcoveocds.api

    # The tool writes the patched schema it used into a folder of its own.
    with tempfile.TemporaryDirectory(prefix="ocds-check-") as folder:
        context = libcoveocds.api.ocds_json_output(folder, json_data=package)
    findings = {}
    for key in ("validation_errors", "deprecated_fields", "conformance_errors", "additional_closed_codelist_values",
                "additional_open_codelist_values", "additional_checks", "json_deref_error"):
        value = context.get(key)
        if value:
            findings[key] = value
    # The release schema allows a text field's translation under its language-tagged name (title_fr) by its
    # patternProperties; lib-cove lists such names among the additional fields all the same. Any other is a finding.
    additional = [f for f in context.get("additional_fields") or []
                  if not (LANGUAGE_VARIANT.match(f["field"]) and TRANSLATED.match(f["path"]))]
    if additional:
        findings["additional_fields"] = additional
    # An extension the tools could not fetch or apply, or whose codelists they could not read.
    extensions = context.get("extensions") or {}
    if extensions.get("invalid_extension"):
        findings["invalid_extension"] = extensions["invalid_extension"]
    failed_codelists = {e["url"]: e["failed_codelists"] for e in extensions.get("extensions", []) if e.get("failed_codelists")}
    if failed_codelists:
        findings["failed_codelists"] = failed_codelists
    return findings


def findings_of_ocdskit(package):
    """A record package's compiled releases, compiled again by ocdskit from the releases it holds."""
    if "records" not in package:
        return {}
    from ocdskit.combine import merge

    findings = {}
    for record in package["records"]:
        releases_package = {
            "uri": package.get("uri", ""),
            "publisher": package.get("publisher"),
            "publishedDate": package.get("publishedDate"),
            "version": package.get("version"),
            "extensions": package.get("extensions", []),
            "releases": record["releases"],
        }
        compiled = list(merge([releases_package]))
        if len(compiled) != 1 or compiled[0] != record.get("compiledRelease"):
            findings.setdefault("compiledRelease", {})[record["ocid"]] = {
                "ocdskit": compiled,
                "published": record.get("compiledRelease"),
            }
    return findings


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache")
    parser.add_argument("--alias", action="append", default=[], help="PUBLIC=LOCAL address prefixes")
    parser.add_argument("--imports", action="store_true", help="only check that the tools can be imported")
    parser.add_argument("packages", nargs="*")
    arguments = parser.parse_args()
    if arguments.imports:
        import libcoveocds.api  # noqa: F401
        import ocdskit.combine  # noqa: F401

        return 0
    if not arguments.cache or not arguments.packages:
        parser.error("--cache and at least one package are needed")

    aliases = [tuple(alias.split("=", 1)) for alias in arguments.alias]
    install_offline_copies(arguments.cache, aliases)

    failed = False
    for path in arguments.packages:
        with open(path, encoding="utf-8") as f:
            package = json.load(f)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                findings = {**findings_of_lib_cove_ocds(package), **findings_of_ocdskit(package)}
            except Exception:
                if UNREACHABLE:
                    break
                raise
        # What the tools themselves warn of (an extension they could not apply, releases they could not merge).
        said = [f"{w.category.__name__}: {w.message}" for w in caught if w.category.__module__.split(".")[0] in TOOLS]
        if said:
            findings["warnings"] = said
        failed = failed or bool(findings)
        print(json.dumps({"package": path, "findings": findings}, ensure_ascii=False, default=str))
    if UNREACHABLE:
        print("Not checked: no network, and no copy in the cache, for " + ", ".join(sorted(set(UNREACHABLE))), file=sys.stderr)
        return 3
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
