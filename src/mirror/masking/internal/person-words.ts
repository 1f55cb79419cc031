/** Given names for fake people: short, common across languages, none tied to a real person. */
export const FIRST_NAMES = [
  'Ada', 'Alba', 'Alma', 'Ana', 'Bea', 'Bruno', 'Carla', 'Celia', 'Dario', 'Dora',
  'Elena', 'Elio', 'Emma', 'Eva', 'Fabio', 'Flor', 'Gael', 'Gala', 'Hugo', 'Ines',
  'Iris', 'Ivan', 'Jana', 'Joel', 'Julia', 'Kira', 'Lara', 'Leo', 'Lia', 'Luca',
  'Mara', 'Marco', 'Mia', 'Nico', 'Nora', 'Olga', 'Omar', 'Paula', 'Pablo', 'Rita',
  'Rosa', 'Saul', 'Sara', 'Teo', 'Tina', 'Uma', 'Vera', 'Vito', 'Yara', 'Zoe',
];

/** Family names for fake people: invented or plain words, so no output reads as a real person. */
export const LAST_NAMES = [
  'Alder', 'Arroyo', 'Bell', 'Birch', 'Brook', 'Campo', 'Cedar', 'Cliff', 'Cobalt', 'Cruz',
  'Dale', 'Delta', 'Elm', 'Ferro', 'Field', 'Flint', 'Ford', 'Garza', 'Glen', 'Grove',
  'Hale', 'Heath', 'Hill', 'Holm', 'Ivory', 'Jade', 'Lake', 'Lind', 'Loma', 'Marsh',
  'Mesa', 'Mill', 'Moss', 'North', 'Oak', 'Pardo', 'Pine', 'Pond', 'Quill', 'Reed',
  'Ridge', 'Rivas', 'Rowan', 'Sierra', 'Stone', 'Vale', 'Vega', 'West', 'Wood', 'Yew',
];
