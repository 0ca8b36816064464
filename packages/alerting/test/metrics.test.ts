import { describe, expect, it } from 'vitest'
import { Counter, Registry } from 'prom-client'
import { createMetrics, defaultRequestsMetricName, type CounterLike, type MetricLabelName } from '@faultline/alerting'
import { errors } from './fixtures/errors'

describe('createMetrics', () => {
  it('counts errors in faultline_errors_total on a real prom-client registry, with bounded labels', async () => {
    const registry = new Registry()
    const metrics = createMetrics(registry, { Counter })
    metrics.record(errors.medblocksInvalidApiKey())
    metrics.record(errors.medblocksInvalidApiKey())
    metrics.record(errors.medblocksInvalidApiKey({ vendor: 'brand-new-vendor', reason: 'brand_new_reason', status: 418 }))
    metrics.record(errors.scribeSignatureMismatch(), 3)
    const text = await registry.metrics()
    expect(text).toContain('# TYPE faultline_errors_total counter')
    expect(text).toContain('faultline_errors_total{vendor="medblocks",kind="authentication",reason="invalid_credentials",status="401",recognized="true",retryable="false"} 2')
    expect(text).toContain('faultline_errors_total{vendor="other",kind="authentication",reason="other",status="4xx",recognized="true",retryable="false"} 1')
    expect(text).toContain('faultline_errors_total{vendor="scribe",kind="signature",reason="signature_mismatch",status="none",recognized="true",retryable="false"} 3')
  })

  it('takes a label policy and a metric name', async () => {
    const registry = new Registry()
    const metrics = createMetrics(registry, { Counter, labels: { vendors: ['acme'] }, name: 'acme_errors_total' })
    metrics.record(errors.medblocksInvalidApiKey({ vendor: 'acme' }))
    expect(metrics.labelsOf(errors.medblocksInvalidApiKey()).vendor).toBe('other')
    expect(await registry.metrics()).toContain('acme_errors_total{vendor="acme"')
  })

  it('counts requests in faultline_requests_total{vendor}, failed or not, and errors as record does', async () => {
    const registry = new Registry()
    const metrics = createMetrics(registry, { Counter })
    metrics.recordOutcome('medblocks', null)
    metrics.recordOutcome('medblocks', errors.medblocksInvalidApiKey())
    metrics.recordOutcome('brand-new-vendor', null)
    const text = await registry.metrics()
    expect(text).toContain('# TYPE faultline_requests_total counter')
    expect(text).toContain('faultline_requests_total{vendor="medblocks"} 2')
    expect(text).toContain('faultline_requests_total{vendor="other"} 1')
    expect(text).toContain('faultline_errors_total{vendor="medblocks",kind="authentication",reason="invalid_credentials",status="401",recognized="true",retryable="false"} 1')
    expect(defaultRequestsMetricName).toBe('faultline_requests_total')
  })

  it('takes a request counter name', async () => {
    const registry = new Registry()
    const metrics = createMetrics(registry, { Counter, requestsName: 'acme_requests_total' })
    metrics.recordOutcome('scribe', null)
    expect(await registry.metrics()).toContain('acme_requests_total{vendor="scribe"} 1')
  })

  it('needs no prom-client at runtime: any Counter-shaped class works', () => {
    const increments: Array<[string, Partial<Record<MetricLabelName, string>>, number | undefined]> = []
    const made: Array<[unknown, string, ReadonlyArray<string>]> = []
    class FakeCounter implements CounterLike {
      readonly name: string
      constructor(configuration: { name: string; registers: Array<string>; labelNames: ReadonlyArray<string> }) {
        this.name = configuration.name
        made.push([configuration.registers[0], configuration.name, configuration.labelNames])
      }
      inc(labels: Partial<Record<MetricLabelName, string>>, value?: number) {
        increments.push([this.name, labels, value])
      }
    }
    const metrics = createMetrics('my-registry', { Counter: FakeCounter })
    metrics.record(errors.medipimTooManyRequests())
    metrics.recordOutcome('medipim', null)
    expect(made).toEqual([
      ['my-registry', 'faultline_errors_total', ['vendor', 'kind', 'reason', 'status', 'recognized', 'retryable']],
      ['my-registry', 'faultline_requests_total', ['vendor']],
    ])
    expect(increments).toEqual([
      ['faultline_errors_total', { vendor: 'medipim', kind: 'rate_limited', reason: 'throttled', status: '429', recognized: 'true', retryable: 'true' }, 1],
      ['faultline_requests_total', { vendor: 'medipim' }, undefined],
    ])
  })
})
