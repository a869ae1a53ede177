/** Identifiers that come in URLs, checked before anything looks them up (a bad one is "no such thing", not a query). */
import { z } from "zod";

/** A UUID as Postgres stores them (actions, letters, captured mail): 36 hex digits without dashes is not one. */
export const ZUuid = z.uuid();
/** A campaign's slug as the content files write it. */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const ZSlug = z.string().max(100).regex(SLUG);

export const isUuid = (value: unknown): value is string => ZUuid.safeParse(value).success;
