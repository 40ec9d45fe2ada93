import { CITIES, FIRST_NAMES, LAST_NAMES } from './names.ts';
import { createRandom } from './random.ts';
import type { CustomerRecord } from './records.ts';

export const CUSTOMER_ID_BASE = 7_200_000_000_000;
const DAY = 86_400_000;

export function seedCustomers(seed: number, count: number, now: Date): CustomerRecord[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const place = random.pick(CITIES);
    const createdAt = new Date(now.getTime() - random.int(95, 730) * DAY - random.int(0, DAY));
    const phone = random.chance(0.6) ? `+1555${String(1_000_000 + i).slice(-7)}` : null;
    const local = `${firstName}.${lastName}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z.]/g, '');
    return {
      id: CUSTOMER_ID_BASE + i,
      firstName,
      lastName,
      email: `${local}${i}@example.com`,
      phone,
      state: random.chance(0.7) ? 'ENABLED' : 'DISABLED',
      verifiedEmail: random.chance(0.9),
      tags: random.chance(0.15) ? ['vip'] : [],
      note: null,
      locale: place.countryCode === 'FR' ? 'fr' : place.countryCode === 'DE' ? 'de' : 'en',
      address: {
        firstName,
        lastName,
        address1: `${random.int(1, 999)} ${random.pick(['Main St', 'Oak Ave', 'Harbor Rd', 'King St', 'Elm Way'])}`,
        ...place,
        phone,
      },
      createdAt,
      updatedAt: new Date(createdAt.getTime() + random.int(0, 90) * DAY),
    };
  });
}
