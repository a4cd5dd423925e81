// The UMP endpoint name and product instance id a host or client announces in invitations,
// checked against the spec's limits once, when configured.
import type { EncodedIdentity } from './protocol/commandWriters';
import {
  MAX_ENDPOINT_NAME_BYTES,
  MAX_PRODUCT_INSTANCE_ID_BYTES,
  encodeLimited,
} from './protocol/paddedStrings';

export function encodeIdentity(endpointName: string, productInstanceId: string): EncodedIdentity {
  if (!/^[\x20-\x7e]*$/.test(productInstanceId)) {
    throw new RangeError('the product instance id must be printable ASCII');
  }
  return {
    endpointName: encodeLimited(endpointName, MAX_ENDPOINT_NAME_BYTES, 'the endpoint name'),
    productInstanceId: encodeLimited(
      productInstanceId,
      MAX_PRODUCT_INSTANCE_ID_BYTES,
      'the product instance id',
    ),
  };
}
