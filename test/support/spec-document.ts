/** specification §8's input document, verbatim, as fresh plain data on each call. */
export function specDocument() {
  return {
    policy: 'hotmart',
    product: { id: 'p1', mainCreator: 'ana@example.com', affiliateCommission: '40' },
    contracts: [
      {
        id: 'c1',
        productId: 'p1',
        cocreator: 'bia@example.com',
        events: [
          {
            type: 'invited',
            at: '2026-01-01T00:00:00Z',
            by: 'ana@example.com',
            terms: {
              percent: '20',
              appliesTo: 'all-sales',
              endsAt: null,
              mayAlsoSellAsAffiliate: false,
            },
          },
          { type: 'accepted', at: '2026-01-02T00:00:00Z', by: 'bia@example.com' },
        ],
      },
    ],
    sale: {
      id: 's1',
      productId: 'p1',
      at: '2026-03-01T12:00:00Z',
      price: { amount: '197.00', currency: 'BRL' },
      platformFee: { amount: '20.50', currency: 'BRL' },
      affiliate: { account: 'leo@example.com', percent: '40', managedBy: 'bia@example.com' },
    },
    refunds: [
      { id: 'r1', at: '2026-03-05T00:00:00Z', amount: { amount: '50.00', currency: 'BRL' } },
    ],
  };
}

/** The smallest document that settles: one direct sale of 10.00 USD, no contracts. */
export function minimalDocument(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    product: { id: 'p1', mainCreator: 'ana@example.com' },
    contracts: [],
    sale: {
      id: 's1',
      productId: 'p1',
      at: '2026-03-01T12:00:00Z',
      price: { amount: '10.00', currency: 'USD' },
    },
    ...overrides,
  };
}
