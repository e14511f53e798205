import { XMLBuilder } from 'fast-xml-parser';
import type { FastifyReply } from 'fastify';
import { shanghaiOffsetMs } from '../../../platform/calendar/shanghai-time.ts';

/**
 * The Open311 GeoReport v2 wire formats. The format is the URL's extension (`/services.xml`); XML is required
 * by the spec, JSON optional. JSON is the programmatic mapping of the XML (the "Spark convention"): a list is a
 * top-level array in JSON and `<root><item>…</item></root>` in XML.
 */
export const open311Formats = ['json', 'xml'] as const;
export type Open311Format = (typeof open311Formats)[number];

export const open311ContentTypes: Record<Open311Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

export const xmlDeclaration = '<?xml version="1.0" encoding="utf-8"?>';

/** What a response is built from: plain data, with `Date` for datetimes (written in Shanghai time). */
export type Open311Value =
  | string
  | number
  | boolean
  | Date
  | null
  | undefined
  | readonly Open311Value[]
  | { readonly [key: string]: Open311Value };
type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

export function isOpen311Format(value: unknown): value is Open311Format {
  return value === 'json' || value === 'xml';
}

/** The format a request path asks for by its extension (`/open311/v2/services.xml?x=1` → 'xml'). */
export function formatOfPath(url: string): Open311Format | undefined {
  const path = url.split('?')[0]!.replace(/\/+$/, '');
  const extension = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  return isOpen311Format(extension) ? extension : undefined;
}

/**
 * How to answer an error: in the format the path asked for; when it asked for none we know (`/services.html`),
 * JSON if the caller's Accept names it, else XML, the one format every Open311 client reads.
 */
export function errorFormatOf(url: string, accept: string | undefined): Open311Format {
  return formatOfPath(url) ?? (accept?.toLowerCase().includes('application/json') ? 'json' : 'xml');
}

/** W3C ISO-8601 with the offset, to the second: `2026-03-02T09:00:00+08:00` (China has no DST since 1991). */
export function shanghaiIso(instant: Date): string {
  return `${new Date(instant.getTime() + shanghaiOffsetMs).toISOString().slice(0, 19)}+08:00`;
}

/** XML 1.0 §2.2 forbids most control characters and lone surrogates; citizens' text may carry them. */
const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Dates to ISO strings, absent (undefined) members dropped, text made safe for XML; both formats share it. */
export function toPlain(value: Open311Value): Plain {
  if (value instanceof Date) return shanghaiIso(value);
  if (typeof value === 'string') return value.replace(notXmlChar, '');
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (isList(value)) return value.map(toPlain);
  const out: { [key: string]: Plain } = {};
  for (const [key, member] of Object.entries(value)) if (member !== undefined) out[key] = toPlain(member);
  return out;
}

function isList(value: Open311Value): value is readonly Open311Value[] {
  return Array.isArray(value);
}

/** Element names of list items under a plural element (GeoReport v2 and the mySociety/CitySDK extensions). */
const xmlItemNames: Record<string, string> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  groups: 'group',
  notes: 'note',
  photos: 'photo',
  media_urls: 'media_url',
  service_requests: 'request',
  service_request_updates: 'request_update',
  errors: 'error',
};

export function xmlItemNameOf(listName: string): string {
  return xmlItemNames[listName] ?? listName.replace(/s$/, '');
}

type XmlNode = string | null | XmlNode[] | { [key: string]: XmlNode };

function toXmlNode(value: Plain, name: string): XmlNode {
  if (value === null) return null;
  if (Array.isArray(value)) return { [xmlItemNameOf(name)]: value.map((item) => toXmlNode(item, xmlItemNameOf(name))) };
  if (typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, toXmlNode(member, key)]));
  return String(value); // booleans as true|false, numbers as written
}

const builder = new XMLBuilder({ format: false, processEntities: true, suppressEmptyNode: false });

/**
 * The response body. A list needs its item element name (`services` → `service`); an object (a service
 * definition, discovery) is the root element's content.
 */
export function renderOpen311(
  format: Open311Format,
  rootName: string,
  itemName: string | null,
  data: Open311Value,
): string {
  const plain = toPlain(data);
  if (format === 'json') return JSON.stringify(plain);
  let content: XmlNode;
  if (Array.isArray(plain)) {
    if (itemName === null) throw new Error(`renderOpen311: the list <${rootName}> needs an item element name`);
    content = { [itemName]: plain.map((item) => toXmlNode(item, itemName)) };
  } else {
    content = toXmlNode(plain, rootName);
  }
  return `${xmlDeclaration}${builder.build({ [rootName]: content })}`;
}

export function sendOpen311(
  reply: FastifyReply,
  format: Open311Format,
  rootName: string,
  itemName: string | null,
  data: Open311Value,
): FastifyReply {
  return reply.type(open311ContentTypes[format]).send(renderOpen311(format, rootName, itemName, data));
}
