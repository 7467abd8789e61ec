import type { Money } from '@portico/core';

export interface Service {
  slug: string;
  name: string;
  summary: string;
  includes: string[];
  from: Money;
  unit: string;
}

/** What the studio offers; the home page shows the first three. */
export const services: Service[] = [
  {
    slug: 'identity',
    name: 'Brand identity',
    summary: 'A name that fits, a mark that lasts, and guidelines your team will actually use.',
    includes: ['Strategy workshop', 'Logo and word mark, three concepts', 'Colour, type and guidelines'],
    from: { amount: 420_000, currency: 'EUR' },
    unit: 'per project',
  },
  {
    slug: 'packaging',
    name: 'Packaging & print',
    summary: 'Labels, bags and boxes that look right on the shelf and survive the printer.',
    includes: ['Label systems and variants', 'Illustration and licensing', 'Print production management'],
    from: { amount: 145_000, currency: 'EUR' },
    unit: 'per label set',
  },
  {
    slug: 'web',
    name: 'Websites',
    summary: 'Fast, accessible sites for shops, studios and cinemas, built to be edited by you.',
    includes: ['Design and copy', 'Frontend development and CMS', 'Care plan with monthly updates'],
    from: { amount: 9_500, currency: 'EUR' },
    unit: 'per hour',
  },
  {
    slug: 'photo',
    name: 'Photography & art direction',
    summary: 'Product and place, shot in our harbour-side studio or on location.',
    includes: ['Studio day with retouching', 'Art direction on set', 'Usage licences for print and web'],
    from: { amount: 98_000, currency: 'EUR' },
    unit: 'per studio day',
  },
];
