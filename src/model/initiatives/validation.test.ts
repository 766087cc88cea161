import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { initiativeSchema, type InitiativePhoto } from '../initiatives.ts';
import {
  cleanDraft,
  emptyDraft,
  hasContact,
  localToday,
  maxRetainUntil,
  validateInitiative,
  type InitiativeDraft,
} from './validation.ts';

const TODAY = '2026-11-25';

const photo = (n: number): InitiativePhoto => ({
  sha256: n.toString(16).padStart(64, '0'),
  type: 'image/webp',
  bytes: 1000,
  width: 800,
  height: 600,
  consent: false,
});

function complete(changes: Partial<InitiativeDraft> = {}): InitiativeDraft {
  return {
    ...emptyDraft(),
    title: 'Tiers-lieu de la vallée',
    description: 'Un ancien café rouvert par la mairie et une association pour accueillir les habitants.',
    commune: { code: '01001', name: "L'Abergement-Clémenciat", departement: '01', year: 2026 },
    needs: ['faire-alliance'],
    stage: 'experimentation',
    ...changes,
  };
}

const check = (changes: Partial<InitiativeDraft>) => validateInitiative(complete(changes), TODAY);

describe('emptyDraft', () => {
  it('is blank and cannot be recorded as it is', () => {
    expect(emptyDraft()).toEqual({
      title: '',
      description: '',
      needs: [],
      actorFamilies: [],
      organisations: '',
      sdgs: [],
      sdg17Targets: [],
      photos: [],
    });
    expect(emptyDraft()).not.toBe(emptyDraft());
    expect(Object.keys(validateInitiative(emptyDraft(), TODAY)).sort()).toEqual([
      'commune',
      'description',
      'needs',
      'stage',
      'title',
    ]);
  });
});

describe('validateInitiative', () => {
  it('accepts a complete draft', () => {
    expect(validateInitiative(complete(), TODAY)).toEqual({});
  });

  it('wants a title of 3 to 200 characters, spaces around not counted', () => {
    expect(check({ title: '   ' }).title).toBe('Donnez un titre à l’initiative.');
    expect(check({ title: ' ab ' }).title).toBe('Le titre doit compter au moins 3 caractères.');
    expect(check({ title: 'abc' }).title).toBeUndefined();
    expect(check({ title: 'é'.repeat(200) }).title).toBeUndefined();
    expect(check({ title: 'a'.repeat(201) }).title).toBe(
      'Le titre ne doit pas dépasser 200 caractères (il en compte 201).',
    );
    // An emoji is one character, as for the JSON schema.
    expect(check({ title: '🌳🌳🌳' }).title).toBeUndefined();
  });

  it('wants a description of at least 20 characters', () => {
    expect(check({ description: '' }).description).toBe('Décrivez l’initiative en quelques phrases.');
    expect(check({ description: 'Trop court.' }).description).toBe(
      'La description doit compter au moins 20 caractères (elle en compte 11).',
    );
    expect(check({ description: 'x'.repeat(20) }).description).toBeUndefined();
  });

  it('wants a commune from the list, a need and a stage', () => {
    expect(check({ commune: undefined }).commune).toBe('Choisissez la commune où se déroule l’initiative.');
    expect(check({ commune: { code: '1001', name: 'X', departement: '01', year: 2026 } }).commune).toMatch(
      /n’est pas reconnue/,
    );
    expect(check({ needs: [] }).needs).toBe('Choisissez au moins un besoin auquel répond l’initiative.');
    expect(check({ needs: ['inconnu' as never] }).needs).toMatch(/n’est pas reconnu/);
    expect(check({ stage: undefined }).stage).toBe('Indiquez où en est l’initiative.');
    expect(check({ stage: 'fini' as never }).stage).toMatch(/n’est pas reconnu/);
  });

  it('checks the SDGs and takes SDG 17 targets only with SDG 17', () => {
    expect(check({ sdgs: [3, 17], sdg17Targets: ['17.16', '17.17'] })).toEqual({});
    expect(check({ sdgs: [3], sdg17Targets: ['17.17'] }).sdg17Targets).toBe(
      'Les cibles de l’ODD 17 ne s’appliquent que si l’ODD 17 est coché : cochez-le ou décochez les cibles.',
    );
    expect(check({ sdgs: [17], sdg17Targets: ['17.20'] }).sdg17Targets).toMatch(/n’est pas reconnue/);
    expect(check({ sdgs: [0] }).sdgs).toMatch(/n’est pas reconnu/);
    expect(check({ sdgs: [4, 4] }).sdgs).toMatch(/n’est pas reconnu/);
    expect(check({ actorFamilies: ['institutions', 'interet-general'] })).toEqual({});
    expect(check({ actorFamilies: ['mairie' as never] }).actorFamilies).toMatch(/n’est pas reconnue/);
  });

  it('takes a start date by month or day, real and not absurd', () => {
    for (const startDate of ['2019-03', '2019-03-21', '2031-11-25', '1900-01', '', '  ']) {
      expect(check({ startDate }).startDate, startDate).toBeUndefined();
    }
    expect(check({ startDate: '21/03/2019' }).startDate).toBe(
      'Saisissez la date de début sous la forme AAAA-MM ou AAAA-MM-JJ.',
    );
    expect(check({ startDate: '2019-02-30' }).startDate).toBe('Cette date de début n’existe pas dans le calendrier.');
    expect(check({ startDate: '2019-13' }).startDate).toBe('Cette date de début n’existe pas dans le calendrier.');
    expect(check({ startDate: '1899-12-31' }).startDate).toBe('La date de début doit être postérieure à 1900.');
    expect(check({ startDate: '2031-11-26' }).startDate).toBe(
      'La date de début ne peut pas dépasser 5 ans à partir d’aujourd’hui (25 novembre 2031).',
    );
    expect(check({ startDate: '2031-12' }).startDate).toMatch(/ne peut pas dépasser/);
  });

  describe('contact', () => {
    const contact = { name: 'Camille Martin', consentAt: '2026-11-20', retainUntil: '2029-11-20' };

    it('is optional: an empty block is no contact', () => {
      expect(check({ contact: {} })).toEqual({});
      expect(check({ contact: { name: ' ', email: '', phone: '' } })).toEqual({});
      expect(hasContact({ name: ' ' })).toBe(false);
      expect(hasContact({ phone: '06' })).toBe(true);
    });

    it('wants a name, a consent date and a retention date as soon as anything is typed', () => {
      expect(check({ contact: { email: 'camille@exemple.fr' } })).toEqual({
        'contact.name': 'Indiquez le nom de la personne à contacter.',
        'contact.consentAt':
          'Indiquez la date à laquelle la personne a accepté que ses coordonnées soient enregistrées.',
        'contact.retainUntil':
          'Indiquez jusqu’à quelle date ce contact peut être conservé (5 ans au plus après le consentement).',
      });
      expect(check({ contact })).toEqual({});
      expect(
        check({ contact: { ...contact, email: 'camille.martin@mairie-exemple.fr', phone: '+33 6 12 34 56 78' } }),
      ).toEqual({});
    });

    it('checks the e-mail address and the phone number', () => {
      for (const email of ['camille', 'camille@exemple', 'ca mille@exemple.fr', 'a@b@c.fr']) {
        expect(check({ contact: { ...contact, email } })['contact.email'], email).toBe(
          'Cette adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.fr).',
        );
      }
      expect(check({ contact: { ...contact, phone: 'demain' } })['contact.phone']).toMatch(/n’est pas valide/);
      expect(check({ contact: { ...contact, phone: '06.12.34.56.78' } })).toEqual({});
    });

    it('takes a consent given by today', () => {
      expect(check({ contact: { ...contact, consentAt: TODAY } })).toEqual({});
      expect(check({ contact: { ...contact, consentAt: '2026-11-26' } })['contact.consentAt']).toBe(
        'La date de consentement ne peut pas être dans le futur.',
      );
      expect(check({ contact: { ...contact, consentAt: '2026-02-29' } })['contact.consentAt']).toMatch(
        /n’est pas valide/,
      );
    });

    it('keeps the contact after the consent, 5 years at most, and not past the date', () => {
      expect(check({ contact: { ...contact, retainUntil: '2031-11-20' } })).toEqual({});
      expect(check({ contact: { ...contact, retainUntil: '2031-11-21' } })['contact.retainUntil']).toBe(
        'Un contact peut être conservé 5 ans au plus après le consentement, soit jusqu’au 20 novembre 2031.',
      );
      expect(check({ contact: { ...contact, retainUntil: '2026-11-20' } })['contact.retainUntil']).toBe(
        'La date de fin de conservation doit être postérieure à la date de consentement.',
      );
      expect(
        check({ contact: { ...contact, consentAt: '2020-01-01', retainUntil: '2024-01-01' } })['contact.retainUntil'],
      ).toMatch(/est passée/);
      expect(check({ contact: { ...contact, retainUntil: 'bientôt' } })['contact.retainUntil']).toMatch(
        /n’est pas valide/,
      );
    });

    it('counts 5 years from 29 February to 28 February', () => {
      expect(maxRetainUntil('2024-02-29')).toBe('2029-02-28');
      expect(maxRetainUntil('2026-03-01')).toBe('2031-03-01');
      expect(maxRetainUntil('2026-02-30')).toBeUndefined();
    });
  });

  it('takes 20 photos at most', () => {
    const photos = Array.from({ length: 22 }, (_, i) => photo(i + 1));
    expect(check({ photos: photos.slice(0, 20) })).toEqual({});
    expect(check({ photos }).photos).toBe('Une initiative compte 20 photos au plus : retirez-en 2 (il y en a 22).');
    expect(check({ photos: [{ ...photo(1), caption: 'x'.repeat(301) }] }).photos).toMatch(/légende/);
  });

  it('rejects a bad « today »', () => {
    expect(() => validateInitiative(complete(), '25/11/2026')).toThrow();
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('cleanDraft', () => {
  it('gives fields the initiative schema accepts', () => {
    const draft = complete({
      title: '  Tiers-lieu  ',
      organisations: ' Mairie, association ',
      sdgs: [17, 3],
      sdg17Targets: ['17.17'],
      startDate: ' ',
      contact: {
        name: ' Camille ',
        email: ' ',
        phone: '06 12 34 56 78',
        consentAt: '2026-11-20',
        retainUntil: '2029-11-20',
      },
    });
    expect(validateInitiative(draft, TODAY)).toEqual({});
    const clean = cleanDraft(draft);
    expect(clean).toMatchObject({ title: 'Tiers-lieu', organisations: 'Mairie, association', sdgs: [3, 17] });
    expect(clean.contact).toEqual({
      name: 'Camille',
      phone: '06 12 34 56 78',
      consentAt: '2026-11-20',
      retainUntil: '2029-11-20',
    });
    expect('startDate' in clean).toBe(false);
    expect(cleanDraft(complete({ contact: { name: '' } })).contact).toBeUndefined();

    const document = {
      id: 'i1',
      ownerId: 'u1',
      workspaceId: null,
      rev: '1-a',
      createdAt: '2026-11-25T10:00:00.000Z',
      updatedAt: '2026-11-25T10:00:00.000Z',
      status: 'enregistree',
      ...clean,
    };
    // The RxDB fields of the schema are not JSON Schema keywords.
    const jsonSchema = ({
      title: _title,
      version: _version,
      primaryKey: _primaryKey,
      ...schema
    }: typeof initiativeSchema) => schema;
    const validate = new Ajv({ strict: false }).compile(jsonSchema(initiativeSchema));
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
  });
});
