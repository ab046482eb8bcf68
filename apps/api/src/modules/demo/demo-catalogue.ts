import type { OrganisationType, Role, Theme } from '@sillon/contracts';

// The demo portfolio's fixed content: believable, entirely fictitious (people, e-mails and SIRETs).
export const DEMO_PASSWORD = 'sillon-demo';
export const DEMO_SEED_NAME = 'portefeuille-demo-v1';
// Every relative date of the demo is computed from this day, never from now().
export const DEMO_REFERENCE_DATE = '2026-11-27';

export interface DemoLab {
  code: 'LIL' | 'AMI' | 'NAN';
  name: string;
  region: string;
  departments: string[];
}

export const DEMO_REGIONS = ['Hauts-de-France', 'Grand Est'] as const;

export const DEMO_LABS: DemoLab[] = [
  { code: 'LIL', name: "Lab d'innovation publique de Lille", region: 'Hauts-de-France', departments: ['59', '62'] },
  { code: 'AMI', name: "Lab d'Amiens", region: 'Hauts-de-France', departments: ['80', '60', '02'] },
  { code: 'NAN', name: 'Lab de Nancy', region: 'Grand Est', departments: ['54', '55', '57', '88'] },
];

export interface DemoUser {
  email: string;
  displayName: string;
  role: Role;
  lab?: DemoLab['code'];
  region?: string;
}

// The four accounts of DESIGN.md and the national account first, then the other members of each lab.
export const DEMO_ACCOUNTS: DemoUser[] = [
  { email: 'admin@demo.sillon.fr', displayName: 'Administration Sillon', role: 'admin' },
  { email: 'direction@demo.sillon.fr', displayName: 'Nathalie Verhaeghe', role: 'regional_director', region: 'Hauts-de-France' },
  { email: 'manager@demo.sillon.fr', displayName: 'Thomas Delattre', role: 'lab_manager', lab: 'LIL' },
  { email: 'lead@demo.sillon.fr', displayName: 'Julie Lambert', role: 'project_lead', lab: 'LIL' },
  { email: 'national@demo.sillon.fr', displayName: 'Mathilde Garnier', role: 'national' },
];

export const DEMO_OTHER_USERS: DemoUser[] = [
  { email: 'karim.haddad@demo.sillon.fr', displayName: 'Karim Haddad', role: 'project_lead', lab: 'LIL' },
  { email: 'sophie.vandenbussche@demo.sillon.fr', displayName: 'Sophie Vandenbussche', role: 'project_lead', lab: 'LIL' },
  { email: 'maxime.dubois@demo.sillon.fr', displayName: 'Maxime Dubois', role: 'project_lead', lab: 'LIL' },
  { email: 'aurelie.lemaire@demo.sillon.fr', displayName: 'Aurélie Lemaire', role: 'project_lead', lab: 'LIL' },
  { email: 'helene.caron@demo.sillon.fr', displayName: 'Hélène Caron', role: 'lab_manager', lab: 'AMI' },
  { email: 'romain.lefort@demo.sillon.fr', displayName: 'Romain Lefort', role: 'project_lead', lab: 'AMI' },
  { email: 'ines.boulanger@demo.sillon.fr', displayName: 'Inès Boulanger', role: 'project_lead', lab: 'AMI' },
  { email: 'direction.ge@demo.sillon.fr', displayName: 'Pierre Schmitt', role: 'regional_director', region: 'Grand Est' },
  { email: 'claire.muller@demo.sillon.fr', displayName: 'Claire Muller', role: 'lab_manager', lab: 'NAN' },
  { email: 'lucas.thiriet@demo.sillon.fr', displayName: 'Lucas Thiriet', role: 'project_lead', lab: 'NAN' },
  { email: 'emma.klein@demo.sillon.fr', displayName: 'Emma Klein', role: 'project_lead', lab: 'NAN' },
];

export interface DemoOrganisation {
  name: string;
  type: OrganisationType;
  department: string;
  // Organisations that fund projects.
  funder?: boolean;
}

export const DEMO_ORGANISATIONS: Record<DemoLab['code'], DemoOrganisation[]> = {
  LIL: [
    { name: 'Région Hauts-de-France', type: 'local_authority', department: '59', funder: true },
    { name: 'Département du Nord', type: 'local_authority', department: '59', funder: true },
    { name: 'Département du Pas-de-Calais', type: 'local_authority', department: '62', funder: true },
    { name: 'Métropole Européenne de Lille', type: 'local_authority', department: '59', funder: true },
    { name: 'Préfecture du Nord – SGAR', type: 'state', department: '59', funder: true },
    { name: 'Ville de Roubaix', type: 'local_authority', department: '59' },
    { name: 'Ville de Tourcoing', type: 'local_authority', department: '59' },
    { name: 'Communauté de communes Pévèle Carembault', type: 'local_authority', department: '59' },
    { name: 'Communauté de communes de Flandre intérieure', type: 'local_authority', department: '59' },
    { name: "Communauté d'agglomération de Lens-Liévin", type: 'local_authority', department: '62' },
    { name: 'CCAS de Lille', type: 'local_authority', department: '59' },
    { name: 'CCAS de Tourcoing', type: 'local_authority', department: '59' },
    { name: "CCAS d'Arras", type: 'local_authority', department: '62' },
    { name: 'Association Connexions solidaires', type: 'association', department: '59' },
    { name: 'Les Jardins partagés de Fives', type: 'association', department: '59' },
    { name: 'Association Mobilité pour tous Flandre', type: 'association', department: '59' },
    { name: 'Maison des jeunes de Lens', type: 'association', department: '62' },
    { name: 'Collectif Habitat digne Roubaix', type: 'association', department: '59' },
    { name: 'Ressourcerie des Weppes', type: 'social_economy', department: '59' },
    { name: 'SCIC Cuisines solidaires du Nord', type: 'social_economy', department: '59' },
    { name: 'Régie de quartier Lille-Sud', type: 'social_economy', department: '59' },
    { name: 'Coopérative Vélo-école du Bassin minier', type: 'social_economy', department: '62' },
    { name: 'Entreprise d’insertion Tri-Nord', type: 'social_economy', department: '59' },
    { name: 'Fondation Solidarités du Nord', type: 'other', department: '59', funder: true },
    { name: 'Transports Flandre Services', type: 'company', department: '59' },
    { name: 'Université de Lille – Living Lab', type: 'university', department: '59' },
  ],
  AMI: [
    { name: 'Département de la Somme', type: 'local_authority', department: '80', funder: true },
    { name: 'Amiens Métropole', type: 'local_authority', department: '80', funder: true },
    { name: "Département de l'Oise", type: 'local_authority', department: '60', funder: true },
    { name: 'CCAS de Beauvais', type: 'local_authority', department: '60' },
    { name: 'Ville de Saint-Quentin', type: 'local_authority', department: '02' },
    { name: 'Association Picardie Numérique Solidaire', type: 'association', department: '80' },
    { name: 'Épicerie sociale du Vimeu', type: 'social_economy', department: '80' },
    { name: 'Université de Picardie Jules Verne', type: 'university', department: '80' },
  ],
  NAN: [
    { name: 'Région Grand Est', type: 'local_authority', department: '57', funder: true },
    { name: 'Métropole du Grand Nancy', type: 'local_authority', department: '54', funder: true },
    { name: 'Département des Vosges', type: 'local_authority', department: '88', funder: true },
    { name: 'CCAS de Metz', type: 'local_authority', department: '57' },
    { name: 'Association Lorraine Insertion', type: 'association', department: '54' },
    { name: 'SCOP Mobilités rurales de la Meuse', type: 'social_economy', department: '55' },
    { name: 'Université de Lorraine', type: 'university', department: '54' },
  ],
};

export interface DemoProjectIdea {
  name: string;
  themes: Theme[];
  department: string;
  // INSEE commune code, when the project is local to one town.
  commune?: string;
  summary: string;
}

export const DEMO_PROJECTS: Record<DemoLab['code'], DemoProjectIdea[]> = {
  LIL: [
    { name: 'France Services itinérante en Pévèle', themes: ['acces_aux_droits', 'inclusion_numerique'], department: '59', summary: 'Un bus France Services qui passe chaque semaine dans les villages de la Pévèle pour accompagner les démarches administratives.' },
    { name: 'Cantine zéro gaspi au collège Jean Macé', themes: ['alimentation_durable', 'jeunesse'], department: '59', commune: '59350', summary: 'Mesurer et réduire le gaspillage alimentaire de la demi-pension avec les élèves, les cuisiniers et les familles.' },
    { name: 'Covoiturage solidaire Flandre intérieure', themes: ['mobilite', 'emploi'], department: '59', summary: 'Mettre en relation conducteurs bénévoles et personnes sans véhicule pour rejoindre un emploi ou une formation.' },
    { name: "Aidants numériques en mairie de Roubaix", themes: ['inclusion_numerique'], department: '59', commune: '59512', summary: "Former les agents d'accueil à accompagner les usagers éloignés du numérique dans leurs démarches en ligne." },
    { name: 'Épicerie solidaire mobile du Valenciennois', themes: ['alimentation_durable', 'acces_aux_droits'], department: '59', commune: '59606', summary: 'Un camion-épicerie qui apporte des produits frais à prix solidaire dans les quartiers sans commerce.' },
    { name: 'Garage solidaire de Lens', themes: ['mobilite', 'emploi'], department: '62', commune: '62498', summary: 'Réparer à prix coûtant les véhicules des personnes en insertion pour leur permettre de garder leur emploi.' },
    { name: 'Permis de conduire accompagné pour les jeunes de Tourcoing', themes: ['jeunesse', 'mobilite', 'emploi'], department: '59', commune: '59599', summary: 'Financer et accompagner le permis des jeunes suivis par la mission locale, en échange d’heures de bénévolat.' },
    { name: 'Dites-le nous une fois : dossier social unique', themes: ['acces_aux_droits'], department: '59', summary: 'Un dossier partagé entre CCAS, CAF et Département pour ne plus demander dix fois les mêmes pièces.' },
    { name: 'Rénovation énergétique accompagnée à Lille-Sud', themes: ['logement', 'transition_ecologique'], department: '59', commune: '59350', summary: 'Un guichet de proximité pour aider les propriétaires modestes à engager des travaux de rénovation.' },
    { name: 'Tiers-lieu nourricier de Fives', themes: ['alimentation_durable', 'participation_citoyenne'], department: '59', commune: '59350', summary: 'Une friche transformée en jardin, cuisine partagée et marché de producteurs locaux.' },
    { name: "Budget participatif des collégiens du Pas-de-Calais", themes: ['participation_citoyenne', 'jeunesse'], department: '62', summary: 'Les collégiens proposent et votent des projets pour leur établissement, accompagnés par le Département.' },
    { name: 'Maison de santé pluriprofessionnelle à Avesnes', themes: ['sante'], department: '59', commune: '59036', summary: 'Attirer et garder des soignants dans un territoire sous-doté grâce à un exercice coordonné.' },
    { name: 'Vélo-école du Bassin minier', themes: ['mobilite', 'transition_ecologique'], department: '62', summary: 'Apprendre à faire du vélo aux adultes pour gagner en autonomie et accéder aux emplois proches.' },
    { name: 'Ressourcerie des Weppes', themes: ['transition_ecologique', 'emploi'], department: '59', summary: 'Collecter, réparer et revendre des objets du quotidien en créant des emplois d’insertion.' },
    { name: 'Repas à domicile en circuit court', themes: ['alimentation_durable', 'sante'], department: '59', summary: 'Des repas préparés avec des produits locaux pour les personnes âgées isolées, livrés par une entreprise d’insertion.' },
    { name: 'Guichet unique du logement étudiant', themes: ['logement', 'jeunesse'], department: '59', commune: '59009', summary: 'Un point d’entrée unique pour trouver un logement et les aides associées à Villeneuve-d’Ascq.' },
    { name: 'Médiation numérique en bibliothèque', themes: ['inclusion_numerique'], department: '62', commune: '62041', summary: 'Des permanences de conseillers numériques dans les bibliothèques de l’Arrageois.' },
    { name: "Chèque alimentation durable à Dunkerque", themes: ['alimentation_durable', 'acces_aux_droits'], department: '59', commune: '59183', summary: 'Un chèque mensuel utilisable chez les producteurs locaux pour les ménages modestes.' },
    { name: 'Transport à la demande rural en Avesnois', themes: ['mobilite'], department: '59', summary: 'Un service de navettes réservables par téléphone pour relier les villages aux bourgs-centres.' },
    { name: 'Recrutement sans CV dans les quartiers de Lille', themes: ['emploi'], department: '59', commune: '59350', summary: 'Des rencontres employeurs sans CV dans les quartiers prioritaires de la ville.' },
    { name: 'Accueil des nouveaux arrivants à Calais', themes: ['acces_aux_droits', 'participation_citoyenne'], department: '62', commune: '62193', summary: 'Un parcours d’accueil avec des habitants bénévoles pour découvrir les services de la ville.' },
    { name: 'Santé mentale des jeunes : sentinelles en lycée', themes: ['sante', 'jeunesse'], department: '59', summary: 'Former des élèves et personnels volontaires à repérer et orienter les jeunes en souffrance.' },
    { name: 'Habitat inclusif pour personnes âgées à Béthune', themes: ['logement', 'sante'], department: '62', commune: '62119', summary: 'Des colocations accompagnées pour des seniors qui ne veulent ni rester seuls ni entrer en établissement.' },
    { name: 'Conseil citoyen du climat de la Métropole', themes: ['participation_citoyenne', 'transition_ecologique'], department: '59', summary: 'Cinquante habitants tirés au sort formulent des propositions pour le plan climat.' },
    { name: 'Zéro non-recours au RSA dans le Douaisis', themes: ['acces_aux_droits'], department: '59', commune: '59178', summary: 'Aller vers les personnes qui ne demandent pas leurs droits grâce au croisement des données et à des visites.' },
    { name: 'Prêt de véhicules électriques pour l’emploi', themes: ['mobilite', 'emploi', 'transition_ecologique'], department: '62', summary: 'Une flotte de voitures sans permis électriques prêtées trois mois aux personnes qui reprennent un emploi.' },
    { name: "Légumerie solidaire de l'Audomarois", themes: ['alimentation_durable', 'emploi'], department: '62', commune: '62765', summary: 'Transformer les légumes locaux pour la restauration collective en créant des postes en insertion.' },
    { name: 'Simplification des courriers de la CAF', themes: ['acces_aux_droits'], department: '59', summary: 'Réécrire avec les allocataires les vingt courriers les plus envoyés pour qu’ils soient compris du premier coup.' },
    { name: "Point d'accès numérique en gare de Hazebrouck", themes: ['inclusion_numerique', 'mobilite'], department: '59', commune: '59295', summary: 'Un espace équipé et animé dans la gare pour les démarches en ligne des voyageurs et habitants.' },
    { name: 'Cours d’école oasis à Lille', themes: ['transition_ecologique', 'jeunesse'], department: '59', commune: '59350', summary: 'Désimperméabiliser et végétaliser les cours d’école, conçues avec les élèves et les riverains.' },
    { name: 'Insertion par le maraîchage à Saint-Omer', themes: ['emploi', 'alimentation_durable'], department: '62', commune: '62765', summary: 'Un chantier d’insertion maraîcher qui approvisionne les cantines du territoire.' },
    { name: 'Conciergerie solidaire de quartier', themes: ['emploi', 'participation_citoyenne'], department: '59', commune: '59512', summary: 'Des services de proximité rendus par des habitants en parcours d’insertion.' },
    { name: "Bus de l'emploi dans le Cambrésis", themes: ['emploi', 'mobilite'], department: '59', commune: '59122', summary: 'France Travail et ses partenaires vont à la rencontre des demandeurs d’emploi des communes rurales.' },
    { name: 'Prévention des expulsions locatives', themes: ['logement', 'acces_aux_droits'], department: '59', summary: 'Repérer les impayés dès le deuxième mois et proposer un accompagnement avant toute procédure.' },
    { name: 'Téléconsultation en pharmacie rurale', themes: ['sante', 'inclusion_numerique'], department: '62', summary: 'Des cabines de téléconsultation accompagnées par le pharmacien dans les communes sans médecin.' },
    { name: 'Plateforme bénévolat des retraités', themes: ['participation_citoyenne'], department: '59', summary: 'Mettre en relation associations et retraités disponibles pour des missions courtes.' },
    { name: "Lutte contre l'illectronisme en EHPAD", themes: ['inclusion_numerique', 'sante'], department: '59', summary: 'Des tablettes simplifiées et des ateliers pour garder le lien avec les familles.' },
    { name: 'Réemploi des matériaux du BTP', themes: ['transition_ecologique', 'emploi'], department: '59', commune: '59599', summary: 'Une plateforme de collecte et de revente des matériaux de chantier réutilisables.' },
    { name: 'Parcours santé des femmes en QPV', themes: ['sante', 'acces_aux_droits'], department: '59', commune: '59512', summary: 'Dépistages, consultations et ateliers organisés avec les associations de femmes des quartiers.' },
    { name: 'Accueil petite enfance à horaires atypiques', themes: ['emploi', 'jeunesse'], department: '62', commune: '62498', summary: 'Une crèche ouverte tôt le matin et tard le soir pour les parents qui travaillent en horaires décalés.' },
    { name: 'Marché paysan dans les gares du Nord', themes: ['alimentation_durable'], department: '59', summary: 'Des producteurs locaux vendent leurs paniers aux voyageurs en fin de journée.' },
    { name: 'Formation aux métiers du grand âge', themes: ['emploi', 'sante'], department: '62', summary: 'Des formations courtes et payées pour recruter des aides à domicile dans le Pas-de-Calais.' },
    { name: 'Appartements pédagogiques pour jeunes sortant de l’ASE', themes: ['logement', 'jeunesse'], department: '59', summary: 'Apprendre à gérer un logement avant de quitter l’aide sociale à l’enfance.' },
    { name: 'Autopartage citoyen en Pévèle', themes: ['mobilite', 'transition_ecologique'], department: '59', summary: 'Des voitures partagées gérées par une association d’habitants dans cinq communes.' },
    { name: 'Cartographie des fontaines et toilettes publiques', themes: ['sante', 'participation_citoyenne'], department: '59', commune: '59350', summary: 'Des données ouvertes et une carte mise à jour par les habitants et les services de la ville.' },
    { name: 'Sport sur ordonnance dans le Bassin minier', themes: ['sante'], department: '62', summary: 'Des activités physiques adaptées prescrites par les médecins et encadrées par des clubs formés.' },
    { name: 'Démarches simplifiées pour les associations', themes: ['acces_aux_droits', 'participation_citoyenne'], department: '59', summary: 'Un formulaire unique de demande de subvention pour les communes de la métropole.' },
    { name: 'Restauration collective 100 % locale à Arras', themes: ['alimentation_durable'], department: '62', commune: '62041', summary: 'Structurer l’approvisionnement local des cantines de l’agglomération d’Arras.' },
    { name: 'Repair cafés dans les médiathèques', themes: ['transition_ecologique', 'participation_citoyenne'], department: '59', summary: 'Des bénévoles réparent avec les habitants petits appareils, vêtements et vélos.' },
    { name: 'Accompagnement numérique des TPE du commerce', themes: ['inclusion_numerique', 'emploi'], department: '62', summary: 'Aider les petits commerces à vendre en ligne et à gérer leurs démarches dématérialisées.' },
    { name: 'Ville amie des aînés à Boulogne-sur-Mer', themes: ['participation_citoyenne', 'sante'], department: '62', commune: '62160', summary: 'Un diagnostic avec les seniors pour adapter bancs, transports et services de la ville.' },
    { name: 'Service civique des solidarités numériques', themes: ['jeunesse', 'inclusion_numerique'], department: '59', summary: 'Des volontaires en service civique accompagnent les habitants dans les structures sociales.' },
    { name: 'Coffre-fort numérique pour personnes sans domicile', themes: ['acces_aux_droits', 'inclusion_numerique'], department: '59', commune: '59350', summary: 'Conserver en ligne ses papiers d’identité et justificatifs pour ne plus les perdre.' },
    { name: 'Chantier école de rénovation du patrimoine minier', themes: ['emploi', 'logement'], department: '62', commune: '62498', summary: 'Former des demandeurs d’emploi en rénovant les cités minières classées.' },
    { name: 'Navette des marchés ruraux', themes: ['mobilite', 'alimentation_durable'], department: '59', summary: 'Une navette hebdomadaire vers les marchés pour les habitants âgés des villages.' },
    { name: 'Lieu d’accueil parents-enfants itinérant', themes: ['jeunesse', 'acces_aux_droits'], department: '62', summary: 'Un espace d’écoute et de jeu pour les familles, installé chaque semaine dans une commune différente.' },
    { name: 'Récupération des invendus des marchés de gros', themes: ['alimentation_durable', 'transition_ecologique'], department: '59', commune: '59350', summary: 'Collecter les invendus du marché d’intérêt national pour les associations d’aide alimentaire.' },
    { name: 'Plateforme mobilité inclusive du Nord', themes: ['mobilite', 'emploi'], department: '59', summary: 'Un diagnostic mobilité et des solutions sur mesure pour chaque personne accompagnée vers l’emploi.' },
    { name: 'Assemblée des jeunes de Tourcoing', themes: ['jeunesse', 'participation_citoyenne'], department: '59', commune: '59599', summary: 'Une instance élue de jeunes qui donne son avis sur les projets municipaux.' },
    { name: 'Prévention du surendettement en ligne', themes: ['acces_aux_droits', 'inclusion_numerique'], department: '59', summary: 'Un simulateur de budget et un rendez-vous avec un conseiller avant qu’il ne soit trop tard.' },
    { name: 'Îlots de fraîcheur dans les cités minières', themes: ['transition_ecologique', 'logement'], department: '62', summary: 'Planter et ombrager les espaces publics des cités minières face aux canicules.' },
    { name: 'Épicerie sociale étudiante de Villeneuve-d’Ascq', themes: ['alimentation_durable', 'jeunesse'], department: '59', commune: '59009', summary: 'Une épicerie à prix réduits gérée par et pour les étudiants du campus.' },
    { name: 'Médiateurs santé pairs', themes: ['sante', 'emploi'], department: '59', summary: 'Recruter et former des personnes ayant connu la précarité pour accompagner vers le soin.' },
  ],
  AMI: [
    { name: 'Maison France Services mobile de la Somme', themes: ['acces_aux_droits', 'inclusion_numerique'], department: '80', summary: 'Un camion équipé qui assure des permanences dans les communes rurales de la Somme.' },
    { name: 'Cantines bio du Vimeu', themes: ['alimentation_durable'], department: '80', summary: 'Approvisionner les écoles du Vimeu en produits bio et locaux.' },
    { name: 'Covoiturage domicile-travail à Beauvais', themes: ['mobilite', 'emploi'], department: '60', commune: '60057', summary: 'Un service de covoiturage pour les salariés des zones d’activité de Beauvais.' },
    { name: 'Hortillonnages pédagogiques', themes: ['transition_ecologique', 'jeunesse'], department: '80', commune: '80021', summary: 'Faire découvrir le maraîchage des hortillonnages aux écoliers amiénois.' },
    { name: 'Aidants connect dans les mairies de l’Oise', themes: ['inclusion_numerique', 'acces_aux_droits'], department: '60', summary: 'Permettre aux secrétaires de mairie de réaliser des démarches pour le compte des usagers.' },
    { name: 'Insertion par le vélo à Saint-Quentin', themes: ['mobilite', 'emploi'], department: '02', commune: '02691', summary: 'Un atelier de réparation de vélos qui forme des personnes éloignées de l’emploi.' },
    { name: 'Maisons de santé connectées de l’Aisne', themes: ['sante', 'inclusion_numerique'], department: '02', summary: 'Équiper et relier les maisons de santé pour la téléexpertise avec l’hôpital.' },
    { name: 'Logement des saisonniers agricoles', themes: ['logement', 'emploi'], department: '80', summary: 'Des hébergements temporaires pour les saisonniers des exploitations de la Somme.' },
    { name: 'Conseil des jeunes de l’agglomération amiénoise', themes: ['jeunesse', 'participation_citoyenne'], department: '80', commune: '80021', summary: 'Une instance consultative de jeunes associée aux politiques de la métropole.' },
    { name: 'Épicerie solidaire itinérante du Santerre', themes: ['alimentation_durable', 'acces_aux_droits'], department: '80', summary: 'Une épicerie mobile pour les villages du Santerre sans commerce alimentaire.' },
    { name: 'Rénovation énergétique des longères', themes: ['logement', 'transition_ecologique'], department: '60', summary: 'Accompagner la rénovation du bâti rural ancien de l’Oise.' },
    { name: 'Accès aux droits des travailleurs frontaliers', themes: ['acces_aux_droits', 'emploi'], department: '02', summary: 'Informer les habitants de l’Aisne qui travaillent en Belgique sur leurs droits sociaux.' },
    { name: 'Ateliers numériques des seniors de Compiègne', themes: ['inclusion_numerique'], department: '60', commune: '60159', summary: 'Des ateliers hebdomadaires pour apprendre à utiliser smartphone et services en ligne.' },
    { name: 'Transport solidaire en Thiérache', themes: ['mobilite', 'sante'], department: '02', summary: 'Des chauffeurs bénévoles conduisent les habitants isolés à leurs rendez-vous médicaux.' },
    { name: 'Budget participatif d’Abbeville', themes: ['participation_citoyenne'], department: '80', commune: '80001', summary: 'Les habitants proposent et votent des projets pour leur quartier.' },
  ],
  NAN: [
    { name: 'Tiers-lieu numérique de Lunéville', themes: ['inclusion_numerique', 'emploi'], department: '54', commune: '54329', summary: 'Un lieu de médiation numérique et de coworking en centre-ville.' },
    { name: 'Mobilité rurale dans la Meuse', themes: ['mobilite'], department: '55', summary: 'Un bouquet de solutions de mobilité pour les villages meusiens.' },
    { name: 'Restauration scolaire locale en Moselle', themes: ['alimentation_durable'], department: '57', summary: 'Relier les producteurs mosellans aux cantines des collèges.' },
    { name: 'Guichet rénovation des Vosges', themes: ['logement', 'transition_ecologique'], department: '88', commune: '88160', summary: 'Un accompagnement unique pour la rénovation énergétique des maisons vosgiennes.' },
    { name: 'Santé des jeunes à Metz-Borny', themes: ['sante', 'jeunesse'], department: '57', commune: '57463', summary: 'Un espace santé jeunes ouvert dans le quartier, avec les associations.' },
    { name: 'Insertion par la forêt vosgienne', themes: ['emploi', 'transition_ecologique'], department: '88', summary: 'Des chantiers d’insertion dans l’entretien et la replantation des forêts.' },
    { name: 'Accès aux droits à Verdun', themes: ['acces_aux_droits'], department: '55', commune: '55545', summary: 'Des permanences conjointes CAF, CPAM et Département en mairie.' },
    { name: 'Conseil citoyen de Nancy', themes: ['participation_citoyenne'], department: '54', commune: '54395', summary: 'Une démarche de concertation sur l’aménagement des places du centre.' },
    { name: 'Épicerie solidaire du Saulnois', themes: ['alimentation_durable', 'acces_aux_droits'], department: '57', summary: 'Une épicerie solidaire intercommunale pour les ménages modestes.' },
    { name: 'Formation numérique des aidants familiaux', themes: ['inclusion_numerique', 'sante'], department: '54', summary: 'Des ateliers pour que les aidants gèrent les démarches en ligne de leurs proches.' },
  ],
};

export const DEMO_CONTACTS: { lab: DemoLab['code']; organisation: string; fullName: string; email: string; roleTitle: string }[] = [
  { lab: 'LIL', organisation: 'CCAS de Lille', fullName: 'Isabelle Decroix', email: 'i.decroix@ccas-lille.demo.sillon.fr', roleTitle: 'Directrice' },
  { lab: 'LIL', organisation: 'Association Connexions solidaires', fullName: 'Mehdi Bouzid', email: 'mehdi.bouzid@connexions.demo.sillon.fr', roleTitle: 'Coordinateur' },
  { lab: 'LIL', organisation: 'SCIC Cuisines solidaires du Nord', fullName: 'Anne-Sophie Leroy', email: 'as.leroy@cuisines-solidaires.demo.sillon.fr', roleTitle: 'Gérante' },
  { lab: 'LIL', organisation: 'Métropole Européenne de Lille', fullName: 'François Deprez', email: 'f.deprez@mel.demo.sillon.fr', roleTitle: 'Chargé de mission innovation' },
  { lab: 'LIL', organisation: 'Région Hauts-de-France', fullName: 'Valérie Dhalluin', email: 'v.dhalluin@region.demo.sillon.fr', roleTitle: 'Cheffe de service ESS' },
  { lab: 'AMI', organisation: 'Amiens Métropole', fullName: 'Olivier Carpentier', email: 'o.carpentier@amiens.demo.sillon.fr', roleTitle: 'Directeur de la cohésion sociale' },
  { lab: 'NAN', organisation: 'Métropole du Grand Nancy', fullName: 'Céline Mangin', email: 'c.mangin@grandnancy.demo.sillon.fr', roleTitle: 'Chargée de mission' },
];
