import type { Adapter } from '@faultline/core'
import { medableAdapter } from '@faultline/medable'
import { medblocksAdapter } from '@faultline/medblocks'
import { medipimAdapter } from '@faultline/medipim'
import { scribeAdapter } from '@faultline/scribe'

/** The adapters `normalizeError` knows out of the box, by vendor id. */
export const bundledAdapters: ReadonlyArray<Adapter> = [medblocksAdapter, scribeAdapter, medipimAdapter, medableAdapter]
