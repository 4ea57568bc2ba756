// Renders Keyward's OpenAPI document as a reference page. Built with DOM calls only (no HTML
// strings), so the page works under a CSP that requires Trusted Types and allows no other script.
"use strict";

(() => {
  const METHODS = ["get", "post", "put", "patch", "delete"];

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === "class") node.className = value;
      else node.setAttribute(key, value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  // The subset of Markdown the document uses: paragraphs, "- " lists, `code` and **bold**.
  function inline(text) {
    const parts = [];
    const pattern = /`([^`]+)`|\*\*([^*]+)\*\*/g;
    let last = 0;
    for (let m; (m = pattern.exec(text)) !== null; last = pattern.lastIndex) {
      parts.push(text.slice(last, m.index));
      parts.push(m[1] !== undefined ? el("code", null, m[1]) : el("strong", null, m[2]));
    }
    parts.push(text.slice(last));
    return parts;
  }

  function markdown(text) {
    if (!text) return [];
    return text.split(/\n{2,}/).map((block) => {
      const lines = block.split("\n");
      if (lines.every((line) => line.startsWith("- ")))
        return el("ul", null, lines.map((line) => el("li", null, inline(line.slice(2)))));
      return el("p", null, inline(block));
    });
  }

  function resolver(doc) {
    return (schema) => {
      const seen = new Set();
      while (schema && schema.$ref) {
        if (seen.has(schema.$ref)) break;
        seen.add(schema.$ref);
        schema = schema.$ref
          .replace(/^#\//, "")
          .split("/")
          .reduce((node, key) => (node ? node[key.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined), doc);
      }
      return schema || {};
    };
  }

  function refName(schema) {
    return schema && schema.$ref ? schema.$ref.split("/").pop() : null;
  }

  function typeLabel(schema, resolve) {
    const name = refName(schema);
    const s = resolve(schema);
    if (s.allOf) return name || "object";
    let type = Array.isArray(s.type) ? s.type.join(" | ") : s.type || (s.properties ? "object" : "any");
    if (type.startsWith("array") && s.items) type = type.replace("array", typeLabel(s.items, resolve) + "[]");
    if (s.format) type += ` (${s.format})`;
    if (s.enum) type += ": " + s.enum.join(", ");
    if (s.const !== undefined) type += ` = ${s.const}`;
    return name && s.type === "object" ? name : type;
  }

  function properties(schema, resolve) {
    const s = resolve(schema);
    if (s.allOf) {
      const merged = { properties: {}, required: [] };
      for (const part of s.allOf) {
        const p = resolve(part);
        Object.assign(merged.properties, p.properties || {});
        merged.required.push(...(p.required || []));
      }
      return merged;
    }
    return { properties: s.properties || {}, required: s.required || [] };
  }

  // A table of an object's fields, nested objects one level deeper at a time.
  function schemaView(schema, resolve, depth = 0) {
    const { properties: props, required } = properties(schema, resolve);
    const names = Object.keys(props);
    if (names.length === 0) {
      const s = resolve(schema);
      return el("p", null, el("span", { class: "type" }, typeLabel(schema, resolve)), s.description ? [" — ", inline(s.description)] : []);
    }
    return el(
      "table",
      null,
      el("thead", null, el("tr", null, el("th", null, "Field"), el("th", null, "Type"), el("th", null, "Description"))),
      el(
        "tbody",
        null,
        names.map((name) => {
          const prop = props[name];
          const resolved = resolve(prop);
          const child = resolved.type === "object" || resolved.allOf ? resolved : resolve(resolved.items || {});
          const nested = depth < 2 && Object.keys(properties(child, resolve).properties).length > 0;
          return el(
            "tr",
            null,
            el("td", { class: "name" }, el("code", null, name), required.includes(name) ? el("span", { class: "required" }, "required") : null),
            el("td", { class: "type" }, typeLabel(prop, resolve)),
            el("td", null, inline(resolved.description || ""), nested ? el("div", { class: "nested" }, schemaView(child, resolve, depth + 1)) : null),
          );
        }),
      ),
    );
  }

  function authLabel(operation, doc) {
    const security = operation.security || doc.security || [];
    if (security.length === 0) return "Public: no credentials needed.";
    const schemes = security.map((req) => Object.keys(req));
    const names = [...new Set(schemes.flat())].map((name) => (name === "bearerAuth" ? "a Bearer access token" : "an API key"));
    const optional = schemes.some((s) => s.length === 0);
    return (optional ? "Credentials optional: " : "Needs ") + names.join(" or ") + ".";
  }

  function operationView(path, method, operation, doc, resolve) {
    const section = el(
      "section",
      { class: "op", id: operation.operationId },
      el("h3", null, el("span", { class: `method ${method}` }, method.toUpperCase()), el("span", { class: "path" }, path), el("span", { class: "summary" }, operation.summary || "")),
      el("p", { class: "auth" }, authLabel(operation, doc)),
      markdown(operation.description),
    );
    const params = (operation.parameters || []).map(resolve);
    if (params.length > 0) {
      section.append(
        el("h4", null, "Parameters"),
        el(
          "table",
          null,
          el("thead", null, el("tr", null, el("th", null, "Name"), el("th", null, "In"), el("th", null, "Type"), el("th", null, "Description"))),
          el(
            "tbody",
            null,
            params.map((p) =>
              el(
                "tr",
                null,
                el("td", { class: "name" }, el("code", null, p.name), p.required ? el("span", { class: "required" }, "required") : null),
                el("td", null, p.in),
                el("td", { class: "type" }, typeLabel(p.schema || {}, resolve)),
                el("td", null, inline(p.description || "")),
              ),
            ),
          ),
        ),
      );
    }
    if (operation.requestBody) {
      const body = resolve(operation.requestBody);
      for (const [media, content] of Object.entries(body.content || {}))
        section.append(el("h4", null, "Request body ", el("code", null, media)), schemaView(content.schema || {}, resolve));
    }
    section.append(el("h4", null, "Responses"));
    const rows = Object.entries(operation.responses || {}).map(([status, response]) => {
      const r = resolve(response);
      const content = Object.entries(r.content || {});
      const media = content.length > 0 ? content[0] : null;
      const success = /^2/.test(status);
      return el(
        "tr",
        null,
        el("td", { class: "status" }, status),
        el("td", null, inline(r.description || ""), success && media ? el("div", { class: "nested" }, schemaView(media[1].schema || {}, resolve)) : null),
      );
    });
    section.append(el("table", null, el("tbody", null, rows)));
    return section;
  }

  function render(doc) {
    const resolve = resolver(doc);
    document.getElementById("title").textContent = doc.info.title + " reference";
    document.title = doc.info.title + " reference";
    document.getElementById("version").textContent = `Version ${doc.info.version} · OpenAPI ${doc.openapi}`;

    const byTag = new Map((doc.tags || []).map((t) => [t.name, { tag: t, operations: [] }]));
    for (const [path, item] of Object.entries(doc.paths || {})) {
      for (const method of METHODS) {
        const operation = item[method];
        if (!operation) continue;
        const tagName = (operation.tags || ["Other"])[0];
        if (!byTag.has(tagName)) byTag.set(tagName, { tag: { name: tagName }, operations: [] });
        byTag.get(tagName).operations.push({ path, method, operation });
      }
    }

    const content = document.getElementById("content");
    const nav = document.getElementById("nav");
    content.replaceChildren(el("section", { class: "intro" }, markdown(doc.info.description)));
    nav.replaceChildren();
    const entries = [];
    for (const { tag, operations } of byTag.values()) {
      if (operations.length === 0) continue;
      const tagSection = el("section", { class: "tag", id: "tag-" + tag.name.replace(/\W+/g, "-") }, el("h2", null, tag.name), markdown(tag.description));
      const navHeading = el("h2", null, tag.name);
      nav.append(navHeading);
      const group = { tagSection, navHeading, members: [] };
      for (const { path, method, operation } of operations) {
        const view = operationView(path, method, operation, doc, resolve);
        const link = el("a", { href: "#" + operation.operationId }, el("span", { class: `method ${method}` }, method.toUpperCase()), el("span", null, operation.summary || path));
        tagSection.append(view);
        nav.append(link);
        const haystack = [path, method, operation.summary, operation.operationId, tag.name].join(" ").toLowerCase();
        group.members.push({ view, link, haystack });
      }
      content.append(tagSection);
      entries.push(group);
    }

    document.getElementById("filter").addEventListener("input", (event) => {
      const needle = event.target.value.trim().toLowerCase();
      for (const group of entries) {
        let visible = 0;
        for (const m of group.members) {
          const show = needle === "" || m.haystack.includes(needle);
          m.view.hidden = !show;
          m.link.hidden = !show;
          if (show) visible++;
        }
        group.tagSection.hidden = visible === 0;
        group.navHeading.hidden = visible === 0;
      }
    });
    if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }

  fetch("api/v1/openapi.json", { headers: { Accept: "application/json" } })
    .then((response) => {
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      return response.json();
    })
    .then(render)
    .catch((error) => {
      document.getElementById("status").textContent = "Could not load the API description: " + error.message;
    });
})();
