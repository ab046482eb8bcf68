// La Poste's establishments share one SIREN and do not follow Luhn: their digits sum to a multiple of 5.
const LA_POSTE_SIREN = '356000000';

// SIRET: 14 digits whose Luhn checksum is valid (INSEE), with La Poste's documented exception.
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith(LA_POSTE_SIREN) && value !== '35600000000048') {
    const sum = [...value].reduce((total, digit) => total + Number(digit), 0);
    return sum % 5 === 0;
  }
  return luhnSum(value) % 10 === 0;
}

// The digit that completes 13 digits into a valid SIRET.
export function siretCheckDigit(first13: string): string {
  if (!/^\d{13}$/.test(first13)) throw new Error('13 digits expected');
  return String((10 - (luhnSum(`${first13}0`) % 10)) % 10);
}

function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // From the right, every second digit is doubled.
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum;
}
