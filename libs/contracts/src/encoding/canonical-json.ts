// The one RFC 8785 encoder lives with the signatures it serves (libs/pki); the contracts name it for their users.
export { canonicalJson } from '@metrochain/pki';
