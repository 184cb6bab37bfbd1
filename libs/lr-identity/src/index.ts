export {
  type BundleExternals,
  type ExternalPackage,
  computeChaincodeFingerprint,
  sha256Hex,
} from './chaincode-fingerprint';
export {
  BUNDLE_FILES,
  type BundleFingerprint,
  readBundleFingerprint,
  readVerifiedBundleFingerprint,
  storeBundle,
} from './bundle-store';
