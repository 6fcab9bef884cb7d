/** Patient names for simulated days: common given names and surnames from across India. */
export const GIVEN_NAMES = [
  'Aarav', 'Aditi', 'Amit', 'Ananya', 'Anil', 'Arjun', 'Asha', 'Deepa', 'Dev', 'Divya', 'Farah', 'Gopal',
  'Hari', 'Imran', 'Isha', 'Jaya', 'Kabir', 'Kavya', 'Kiran', 'Lakshmi', 'Lata', 'Manoj', 'Meena', 'Mohan',
  'Nandini', 'Neha', 'Nisha', 'Omar', 'Pooja', 'Priya', 'Rahul', 'Rajesh', 'Ravi', 'Rekha', 'Rohan', 'Sana',
  'Sanjay', 'Sita', 'Suresh', 'Tara', 'Usha', 'Varun', 'Vikram', 'Zoya',
] as const;

export const SURNAMES = [
  'Ali', 'Bose', 'Chopra', 'Das', 'Desai', 'Gill', 'Gupta', 'Iyer', 'Jain', 'Joshi', 'Kapoor', 'Khan', 'Kumar',
  'Menon', 'Mir', 'Nair', 'Pandey', 'Patel', 'Pillai', 'Rao', 'Reddy', 'Roy', 'Shah', 'Sharma', 'Singh', 'Verma',
] as const;
