/** Given names and surnames common in English primary-school staff rooms; enough for 5,000+ unique pairs. */
export const givenNames = [
  'Olivia', 'Amelia', 'Isla', 'Ava', 'Emily', 'Sophie', 'Grace', 'Lily', 'Freya', 'Charlotte', 'Hannah', 'Lucy',
  'Ella', 'Chloe', 'Jessica', 'Sarah', 'Rachel', 'Emma', 'Laura', 'Rebecca', 'Katie', 'Claire', 'Helen', 'Joanne',
  'Nicola', 'Lisa', 'Kelly', 'Michelle', 'Amanda', 'Louise', 'Victoria', 'Zoe', 'Natalie', 'Gemma', 'Hayley', 'Donna',
  'Karen', 'Julie', 'Susan', 'Alison', 'Fiona', 'Catherine', 'Elizabeth', 'Margaret', 'Anne', 'Jane', 'Ruth', 'Siobhan',
  'Aisha', 'Fatima', 'Priya', 'Amira', 'Zainab', 'Mei', 'Agnieszka', 'Chiamaka', 'Niamh', 'Bethan', 'Carys', 'Eilidh',
  'Oliver', 'George', 'Harry', 'Jack', 'Charlie', 'Thomas', 'James', 'William', 'Daniel', 'Samuel', 'Joseph', 'Matthew',
  'David', 'Paul', 'Mark', 'Andrew', 'Richard', 'Stephen', 'Michael', 'Christopher', 'Peter', 'John', 'Robert', 'Simon',
  'Gareth', 'Rhys', 'Owen', 'Callum', 'Liam', 'Connor', 'Ryan', 'Adam', 'Ben', 'Luke', 'Nathan', 'Alexander',
  'Mohammed', 'Ahmed', 'Imran', 'Rajesh', 'Arjun', 'Tomasz', 'Kwame', 'Chinedu', 'Ewan', 'Finlay', 'Dylan', 'Kieran',
  'Sean', 'Patrick', 'Martin', 'Neil', 'Graham', 'Ian', 'Colin', 'Keith', 'Trevor', 'Barry', 'Wayne', 'Dean',
];

export const surnames = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans',
  'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Patel', 'Khan', 'Lewis', 'James',
  'Phillips', 'Mason', 'Mitchell', 'Rose', 'Davis', 'Rodriguez', 'Cox', 'Alexander', 'Morgan', 'Moore', 'Martin', 'Price',
  'Hughes', 'Edwards', 'Hill', 'Turner', 'Harris', 'Baker', 'Cooper', 'King', 'Lee', 'Ward', 'Morris', 'Bell',
  'Collins', 'Parker', 'Carter', 'Murphy', 'Bennett', 'Gray', 'Cook', 'Bailey', 'Richardson', 'Shaw', 'Chapman', 'Marshall',
  'Kelly', 'Russell', 'Hunt', 'Foster', 'Butler', 'Barnes', 'Fisher', 'Palmer', 'Holmes', 'Mills', 'Lloyd', 'Stevens',
  'Begum', 'Hussain', 'Ali', 'Singh', 'Kaur', 'Ahmed', 'Sharma', 'Nowak', 'Kowalski', 'Okafor', 'Mensah', 'Adeyemi',
  'Chen', 'Wong', 'Nguyen', 'Campbell', 'Stewart', 'MacDonald', 'Reid', 'Fraser', 'Hamilton', 'Graham', 'Owen', 'Pugh',
  "O'Brien", "O'Connor", 'Smith-Jones', 'Ashworth', 'Whitfield', 'Pemberton', 'Hargreaves', 'Sutcliffe', 'Atkinson', 'Dawson', 'Lowe', 'Barker',
  'Fletcher', 'Payne', 'Hudson', 'Knight', 'Lambert', 'Newton', 'Porter', 'Quinn', 'Sanders', 'Webb', 'Yates', 'Doyle',
];

/** Parents and outside contacts use personal mail providers. */
export const personalMailDomains = ['gmail.com', 'outlook.com', 'hotmail.co.uk', 'yahoo.co.uk', 'btinternet.com', 'icloud.com', 'sky.com'];

export const sentSubjects = [
  'Year 4 trip to the Science Museum', 'Spelling homework this week', "Parents' evening appointments", 'Forest school kit list',
  'Sports day reminder', 'Reading records', 'Nativity costumes', 'Swimming lessons next term', 'Class assembly on Friday',
  'Phonics workshop for parents', 'Lunch menu changes', 'Book fair', 'PE kit days', 'After-school clubs', 'Harvest festival',
];

export const largeAttachmentNames = [
  { name: 'Class photos.zip', type: 'application/zip' },
  { name: 'Nativity rehearsal.mov', type: 'video/quicktime' },
  { name: 'Assembly slides.pptx', type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
  { name: 'Risk assessment scan.pdf', type: 'application/pdf' },
  { name: 'Sports day.mp4', type: 'video/mp4' },
];

export const smallAttachmentNames = [
  { name: 'Letter to parents.pdf', type: 'application/pdf' },
  { name: 'Timetable.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  { name: 'Kit list.pdf', type: 'application/pdf' },
  { name: 'Menu.png', type: 'image/png' },
];
