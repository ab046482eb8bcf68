import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

// The accessibility statement, after the RGAA 4.1 model (Direction interministérielle du numérique).
// No audit has been carried out: the service is declared partially compliant until one is. The
// contact address is a placeholder that whoever deploys Sillon replaces with their own.
@Component({
  selector: 'sil-accessibility-statement',
  imports: [RouterLink],
  template: `
    <article>
      <h1>Déclaration d'accessibilité</h1>
      <p>
        L'organisme qui exploite cette instance de Sillon s'engage à rendre son service en ligne accessible, conformément à
        l'article 47 de la loi n° 2005-102 du 11 février 2005.
      </p>
      <p>Cette déclaration d'accessibilité s'applique au tableau de bord Sillon, à sa vitrine des projets et à ses données ouvertes.</p>

      <h2>État de conformité</h2>
      <p>
        Sillon est <strong>partiellement conforme</strong> avec le référentiel général d'amélioration de l'accessibilité (RGAA), version 4.1,
        en raison de l'absence d'audit de conformité.
      </p>
      <p>
        Aucun audit RGAA complet n'a encore été réalisé. Chaque page et chaque fenêtre de dialogue est vérifiée à chaque modification du
        code, en intégration continue : contrôles automatisés axe-core (critères WCAG 2.1 niveaux A et AA, aucune erreur tolérée) et
        tests de navigation au clavier dans un navigateur réel.
      </p>

      <h2>Contenus non accessibles</h2>
      <p>Les contenus listés ci-dessous ne sont pas accessibles ou pas encore vérifiés :</p>
      <ul>
        <li>
          Les contrôles automatisés ne détectent qu'une partie des non-conformités : la pertinence des alternatives, l'ordre de lecture
          et la compréhension des contenus n'ont pas été évalués par un audit humain.
        </li>
        <li>Les rapports PDF exportés n'ont pas été vérifiés avec un lecteur d'écran.</li>
        <li>
          Les textes saisis par les labs (résumés de projets, notes) et les ressources externes vers lesquelles pointent les communs
          relèvent de leurs auteurs et ne sont pas couverts par cette déclaration.
        </li>
      </ul>

      <h2>Établissement de cette déclaration d'accessibilité</h2>
      <p>Cette déclaration a été établie le 4 décembre 2026.</p>
      <h3>Technologies utilisées pour la réalisation du site</h3>
      <ul>
        <li>HTML5</li>
        <li>CSS</li>
        <li>JavaScript (Angular, Angular Material)</li>
        <li>WAI-ARIA</li>
      </ul>
      <h3>Environnement de test</h3>
      <p>Les vérifications ont été faites avec :</p>
      <ul>
        <li>le navigateur Chromium, piloté par Playwright, sous Linux ;</li>
        <li>l'outil de contrôle automatisé axe-core (règles WCAG 2.1 A et AA) ;</li>
        <li>la navigation au clavier seul (tabulation, Entrée, Échap), sans souris.</li>
      </ul>
      <p>Aucun test n'a encore été mené avec un lecteur d'écran (NVDA, JAWS ou VoiceOver).</p>
      <h3>Pages ayant fait l'objet de la vérification</h3>
      <ul>
        <li>Connexion, tableau de bord, pipeline, projets et fiche projet, jalons, organisations, rapports, journal, administration</li>
        <li><a routerLink="/vitrine">Vitrine des projets</a></li>
        <li>La présente déclaration d'accessibilité</li>
      </ul>

      <h2>Retour d'information et contact</h2>
      <p>
        Si vous n'arrivez pas à accéder à un contenu ou à un service, vous pouvez contacter le responsable du service pour être orienté
        vers une alternative accessible ou obtenir le contenu sous une autre forme :
      </p>
      <ul>
        <li>par courriel : <a href="mailto:accessibilite@sillon.example">accessibilite&#64;sillon.example</a></li>
      </ul>
      <p class="note">
        Cette adresse est un exemple : l'organisme qui déploie Sillon la remplace par sa propre adresse de contact accessibilité.
      </p>

      <h2>Voies de recours</h2>
      <p>
        Si vous avez signalé au responsable du service un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un des
        services et que vous n'avez pas obtenu de réponse satisfaisante, vous pouvez :
      </p>
      <ul>
        <li>
          écrire un message au Défenseur des droits par le
          <a href="https://formulaire.defenseurdesdroits.fr/" rel="noopener noreferrer" target="_blank"
            >formulaire en ligne<span class="visually-hidden"> du Défenseur des droits (nouvelle fenêtre)</span></a
          > ;
        </li>
        <li>
          contacter
          <a href="https://www.defenseurdesdroits.fr/carte-des-delegues" rel="noopener noreferrer" target="_blank"
            >le délégué du Défenseur des droits dans votre région<span class="visually-hidden"> (nouvelle fenêtre)</span></a
          > ;
        </li>
        <li>
          envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) :<br />
          Défenseur des droits<br />
          Libre réponse 71120<br />
          75342 Paris CEDEX 07
        </li>
      </ul>
    </article>
  `,
  styles: `
    :host {
      display: block;
      max-width: 960px;
      margin: 0 auto;
      padding: 24px 16px 48px;
    }
    article {
      max-width: 75ch;
    }
    .note {
      font-style: italic;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccessibilityStatement {}
