// The part of qrcode 1.5.4's API the receipt test uses (the package ships no types).
declare module 'qrcode' {
  export function toFile(
    path: string,
    text: string,
    options?: { type?: 'png'; errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H'; margin?: number; scale?: number },
  ): Promise<void>;
}
