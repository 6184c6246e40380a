/**
 * `/api/customers`: the customer directory. Numbers are stored in E.164 (any format is accepted
 * and normalised). The directory keeps name, company, numbers, address, language and notes;
 * `email` and `externalUrl` are not stored, so a request that sets them is refused rather than
 * silently dropped, and they always read as null.
 */
import type { CrudStore } from '../../gateway/http/crud-routes.ts';
import type { Customer } from '../../persistence/repositories/customers.ts';
import type { Repositories } from '../../persistence/repositories/index.ts';
import type { CustomerCreateBody, CustomerEntity, CustomerUpdateBody } from './customer-schemas.ts';
import { guarded, invalid } from './store-errors.ts';

const NOT_STORED = ['email', 'externalUrl'] as const;

export function toCustomerDto(c: Customer): CustomerEntity {
  return {
    id: c.id,
    name: c.name,
    company: c.company,
    phoneNumbers: c.numbers,
    email: null,
    language: c.language,
    notes: c.notes,
    externalUrl: null,
    address: c.address,
  };
}

function refuseUnstored(input: CustomerUpdateBody): void {
  for (const field of NOT_STORED) {
    if (input[field] !== undefined && input[field] !== null) {
      throw invalid(`/body/${field}`, `${field} is not kept by the customer directory; leave it empty`);
    }
  }
}

export interface CustomersStore extends CrudStore<CustomerEntity, CustomerCreateBody, CustomerUpdateBody> {
  search(query: { q?: string; limit: number; offset: number }): Promise<{ items: CustomerEntity[]; total: number }>;
}

export function createCustomersStore(deps: { repos: Repositories }): CustomersStore {
  const { customers } = deps.repos;
  const search: CustomersStore['search'] = async (query) => {
    const page = await customers.search(query);
    return { items: page.items.map(toCustomerDto), total: page.total };
  };
  return {
    search,
    list: (query) => search(query),
    get: async (id) => {
      const c = await customers.get(id);
      return c && toCustomerDto(c);
    },
    async create(input) {
      refuseUnstored(input);
      const created = await guarded(() =>
        customers.create({
          name: input.name,
          company: input.company ?? null,
          numbers: input.phoneNumbers,
          address: input.address ?? null,
          language: input.language ?? null,
          notes: input.notes ?? null,
        }),
      );
      return toCustomerDto(created);
    },
    async update(id, patch) {
      refuseUnstored(patch);
      if (!(await customers.get(id))) return undefined;
      const updated = await guarded(() =>
        customers.update(id, {
          name: patch.name,
          company: patch.company,
          numbers: patch.phoneNumbers,
          address: patch.address,
          language: patch.language,
          notes: patch.notes,
        }),
      );
      return toCustomerDto(updated);
    },
    remove: (id) => customers.remove(id),
  };
}
