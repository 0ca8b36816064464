type Vendor = 'medblocks' | 'scribe' | 'medipim' | 'medable'
type Fixture = { readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: unknown }

/** Vendor-shaped failed responses with parsed bodies (see fixtures.mjs). */
export const fixtures: Readonly<Record<Vendor, ReadonlyArray<Fixture>>>
/** The same responses with each body as JSON text. */
export const textFixtures: Readonly<Record<Vendor, ReadonlyArray<Fixture>>>
/** Successful (200) answers with JSON text bodies, the same for every vendor. */
export const successTextFixtures: ReadonlyArray<Fixture>
